package nl.rotterdam.schoolsafe.subsidy.intervention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;

/** Reads of the projected catalog. */
@ApplicationScoped
public class Interventions {
    private final EntityManager entityManager;

    Interventions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<CatalogOffering> find(UUID offeringId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT offering_id, code, evidence_level, sectors FROM intervention_seen WHERE offering_id = ?1")
                .setParameter(1, offeringId)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new CatalogOffering(
                        new Intervention((UUID) r[0], (String) r[1], EvidenceLevel.valueOf((String) r[2])),
                        Set.of((String[]) r[3])));
    }
}
