package nl.rotterdam.schoolsafe.escalation.register;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The partner organisations this service knows from the register topic. */
@ApplicationScoped
public class Partners {

    public Optional<SeenPartner> find(String partnerId) {
        return SeenPartner.findByIdOptional(partnerId);
    }

    /** Takes the register's latest description of a partner. */
    @Transactional(Transactional.TxType.MANDATORY)
    void describe(String partnerId, String name, String kind, boolean retired) {
        SeenPartner partner =
                SeenPartner.<SeenPartner>findByIdOptional(partnerId).orElseGet(() -> new SeenPartner(partnerId));
        partner.describe(name, kind, retired);
        partner.persist();
    }
}
