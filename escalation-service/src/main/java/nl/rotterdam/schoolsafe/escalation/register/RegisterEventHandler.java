package nl.rotterdam.schoolsafe.escalation.register;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;

import java.util.Optional;
import java.util.Set;

/** Projects the register's partner organisations: the sharing matrix needs each partner's kind. */
@ApplicationScoped
public class RegisterEventHandler implements EventHandler {
    private final EventPayloads payloads;

    RegisterEventHandler(EventPayloads payloads) {
        this.payloads = payloads;
    }

    @Override
    public String name() {
        return "register-events";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REGISTER);
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.PARTNER_REGISTERED.equals(event.getType())) {
            return;
        }
        PartnerEvent partner = payloads.read(event, PartnerEvent.class);
        SeenPartner seen = SeenPartner.<SeenPartner>findByIdOptional(partner.partnerId()).orElseGet(SeenPartner::new);
        seen.partnerId = partner.partnerId();
        seen.name = partner.name();
        seen.kind = partner.kind();
        seen.persist();
    }

    public static Optional<SeenPartner> partner(String partnerId) {
        return SeenPartner.findByIdOptional(partnerId);
    }
}
