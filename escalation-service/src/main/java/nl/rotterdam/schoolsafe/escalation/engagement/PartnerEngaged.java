package nl.rotterdam.schoolsafe.escalation.engagement;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.PartnerEngagedEvent;

/**
 * A partner was engaged, or its engagement escalated; keyed by the case. The partner is told the
 * case as it may see it, built when the event moves, so it shows the engagement as changed.
 */
public record PartnerEngaged(EventType type, Engagement engagement, SharedCases sharing) implements DomainEvent {

    @Override
    public String key() {
        return engagement.caseId().toString();
    }

    @Override
    public Record payload() {
        return new PartnerEngagedEvent(
                engagement.id(),
                engagement.caseId(),
                engagement.partnerId(),
                engagement.partnerKind(),
                engagement.purpose().name(),
                engagement.status().name(),
                engagement.escalationLevel(),
                engagement.acknowledgeDueAt(),
                sharing.outlineFor(engagement));
    }
}
