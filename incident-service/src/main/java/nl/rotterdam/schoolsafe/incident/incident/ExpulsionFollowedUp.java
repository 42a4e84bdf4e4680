package nl.rotterdam.schoolsafe.incident.incident;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;

/** The school recorded more of an expulsion's follow-up: the right to object, interim education, a new school. */
public record ExpulsionFollowedUp(Incident incident, FollowUpMeasure expulsion) implements DomainEvent {

    @Override
    public EventType type() {
        return EventType.INCIDENT_EXPULSION_UPDATED;
    }

    @Override
    public String key() {
        return incident.id().toString();
    }

    @Override
    public ExpulsionEvent payload() {
        return ExpulsionDecided.of(incident, expulsion);
    }
}
