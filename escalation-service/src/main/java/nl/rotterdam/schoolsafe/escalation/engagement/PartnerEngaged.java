package nl.rotterdam.schoolsafe.escalation.engagement;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.PartnerCaseEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;

/**
 * A partner was engaged, or its engagement escalated: told on that partner's own stream, keyed by the case. The
 * partner is told the case as it may see it, built when the event moves, so it shows the engagement as changed.
 */
public record PartnerEngaged(EventType type, Engagement engagement, SharedCases sharing) implements DomainEvent {

    @Override
    public String key() {
        return engagement.caseId().toString();
    }

    @Override
    public String topic() {
        return Topics.partner(engagement.partnerId());
    }

    @Override
    public Record payload() {
        return new PartnerCaseEvent(
                engagement.caseId(), engagement.partnerId(), engagement.id(), sharing.outlineFor(engagement));
    }
}
