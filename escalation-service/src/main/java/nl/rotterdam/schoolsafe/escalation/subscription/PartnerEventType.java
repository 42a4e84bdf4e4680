package nl.rotterdam.schoolsafe.escalation.subscription;

import java.util.Arrays;
import java.util.Optional;
import nl.rotterdam.schoolsafe.platform.event.EventType;

/** The events of a partner's stream a subscription can ask for, named as on the stream without the version. */
public enum PartnerEventType {
    ENGAGED(EventType.PARTNER_ENGAGED),
    ENGAGEMENT_ESCALATED(EventType.PARTNER_ENGAGEMENT_ESCALATED),
    CASE_UPDATED(EventType.PARTNER_CASE_UPDATED),
    CASE_CLOSED(EventType.PARTNER_CASE_CLOSED);

    private final EventType type;

    PartnerEventType(EventType type) {
        this.type = type;
    }

    public EventType eventType() {
        return type;
    }

    public static Optional<PartnerEventType> of(EventType type) {
        return Arrays.stream(values()).filter(t -> t.type == type).findFirst();
    }
}
