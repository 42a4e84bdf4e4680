package nl.rotterdam.schoolsafe.incident.register;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;

/** A partner was registered, described anew or retired; keyed per partner on the compacted register topic. */
public record PartnerRegistered(Partner partner) implements DomainEvent {

    @Override
    public EventType type() {
        return EventType.PARTNER_REGISTERED;
    }

    @Override
    public String key() {
        return "partner:" + partner.id();
    }

    @Override
    public PartnerEvent payload() {
        return new PartnerEvent(partner.id(), partner.name(), partner.kind().name(), partner.retired());
    }
}
