package nl.rotterdam.schoolsafe.incident.incident;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;

/** An expulsion was decided; the municipality learns the pseudonym and the school, nothing else about the student. */
public record ExpulsionDecided(Incident incident, FollowUpMeasure expulsion) implements DomainEvent {

    @Override
    public EventType type() {
        return EventType.INCIDENT_EXPULSION_DECIDED;
    }

    @Override
    public String key() {
        return incident.id().toString();
    }

    @Override
    public ExpulsionEvent payload() {
        return of(incident, expulsion);
    }

    /** The expulsion as the municipality may see it: dates and yes/no, never the interim education's text. */
    static ExpulsionEvent of(Incident incident, FollowUpMeasure expulsion) {
        return new ExpulsionEvent(
                incident.id(),
                expulsion.id,
                incident.schoolLocationId(),
                incident.districtId(),
                expulsion.pseudonym,
                expulsion.startDate,
                expulsion.decidedAt,
                expulsion.parentsHeardAt,
                expulsion.rightToObjectInformedAt,
                expulsion.objectionLodgedOn,
                expulsion.interimEducation != null && !expulsion.interimEducation.isBlank(),
                expulsion.newSchoolFoundOn);
    }
}
