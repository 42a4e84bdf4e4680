package nl.rotterdam.schoolsafe.incident.incident;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;

/** An incident was reported, updated or closed; the payload carries pseudonyms, never names or the description. */
public record IncidentChanged(EventType type, Incident incident) implements DomainEvent {

    @Override
    public String key() {
        return incident.id().toString();
    }

    @Override
    public IncidentEvent payload() {
        return new IncidentEvent(
                incident.id(),
                incident.schoolLocationId(),
                incident.districtId(),
                incident.locationType().name(),
                incident.category().name(),
                incident.severity().name(),
                incident.status().name(),
                incident.policeReportStatus().name(),
                incident.occurredAt(),
                incident.involvedPersons().stream()
                        .map(p -> new IncidentEvent.InvolvedPerson(
                                p.pseudonym, p.role.name(), p.kind.name(), p.schoolLocationId, p.minor))
                        .toList());
    }
}
