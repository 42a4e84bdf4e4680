package nl.rotterdam.schoolsafe.incident.register;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;

/** A school location was registered or described anew; keyed per location on the compacted register topic. */
public record SchoolLocationRegistered(SchoolLocation location) implements DomainEvent {

    @Override
    public EventType type() {
        return EventType.SCHOOL_LOCATION_REGISTERED;
    }

    @Override
    public String key() {
        return "school-location:" + location.id();
    }

    @Override
    public SchoolLocationEvent payload() {
        return new SchoolLocationEvent(
                location.id(),
                location.brin(),
                location.locationNumber(),
                location.name(),
                location.boardId(),
                location.sector().name(),
                location.districtId(),
                location.pupilCount());
    }
}
