package nl.rotterdam.schoolsafe.escalation.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** Projects the register's partner organisations: the sharing matrix needs each partner's kind. */
@ApplicationScoped
public class RegisterEventHandler implements EventHandler {
    private final ObjectMapper json;

    RegisterEventHandler(ObjectMapper json) {
        this.json = json;
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
        PartnerEvent partner;
        try {
            partner = json.readValue(event.getData().toBytes(), PartnerEvent.class);
        } catch (IOException | NullPointerException e) {
            throw new UnprocessableEvent("payload of " + event.getId() + " is not a partner event (" + e.getClass().getSimpleName() + ")", e);
        }
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
