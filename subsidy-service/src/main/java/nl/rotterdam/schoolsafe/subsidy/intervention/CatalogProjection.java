package nl.rotterdam.schoolsafe.subsidy.intervention;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Set;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.OfferingEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;

/** Keeps the catalog's offerings as interventions an application may name: code and evidence level, no texts. */
@ApplicationScoped
public class CatalogProjection implements EventHandler {
    private final EventPayloads payloads;
    private final EntityManager entityManager;

    CatalogProjection(EventPayloads payloads, EntityManager entityManager) {
        this.payloads = payloads;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CATALOG);
    }

    @Override
    public void handle(CloudEvent event) {
        if (EventType.of(event.getType()).orElse(null) != EventType.CATALOG_OFFERING_DESCRIBED) {
            return;
        }
        OfferingEvent o = payloads.read(event, OfferingEvent.class);
        if (o.offeringId() == null || o.code() == null || o.evidenceLevel() == null) {
            throw new UnprocessableEvent("payload of " + event.getId() + " lacks offeringId, code or evidenceLevel");
        }
        entityManager
                .createNativeQuery("""
                        INSERT INTO intervention_seen (offering_id, code, evidence_level, themes, sectors)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (offering_id) DO UPDATE SET code = EXCLUDED.code, evidence_level = EXCLUDED.evidence_level,
                            themes = EXCLUDED.themes, sectors = EXCLUDED.sectors""")
                .setParameter(1, o.offeringId())
                .setParameter(2, o.code())
                .setParameter(3, o.evidenceLevel().name())
                .setParameter(4, o.themes() == null ? new String[0] : o.themes().toArray(String[]::new))
                .setParameter(
                        5, o.sectors() == null ? new String[0] : o.sectors().toArray(String[]::new))
                .executeUpdate();
    }
}
