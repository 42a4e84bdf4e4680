package nl.rotterdam.schoolsafe.escalation.register;

import jakarta.inject.Singleton;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;
import nl.rotterdam.schoolsafe.platform.inbox.RegisterListener;

/** Projects the register's partner organisations: the sharing matrix needs each partner's kind. */
@Singleton
public class RegisterEventHandler extends RegisterListener {
    private final Partners partners;

    RegisterEventHandler(Partners partners, EventPayloads payloads) {
        super(payloads);
        this.partners = partners;
    }

    @Override
    protected void partner(PartnerEvent partner) {
        partners.describe(partner.partnerId(), partner.name(), partner.kind(), partner.retired());
    }
}
