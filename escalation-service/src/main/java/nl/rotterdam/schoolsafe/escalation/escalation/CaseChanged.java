package nl.rotterdam.schoolsafe.escalation.escalation;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EscalationEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;

/** Something that happened to a case; subscribers get its shareable facts, no persons, no text. */
public record CaseChanged(EventType type, EscalationCase escalation) implements DomainEvent {

    @Override
    public String key() {
        return escalation.id().toString();
    }

    @Override
    public Record payload() {
        return new EscalationEvent(
                escalation.id(),
                escalation.districtId(),
                escalation.status().name(),
                escalation.priority().name(),
                escalation.openedAt(),
                escalation.responseDueAt(),
                escalation.overdue(),
                escalation.incidentIds(),
                escalation.rules());
    }
}
