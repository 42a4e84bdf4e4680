package nl.rotterdam.schoolsafe.platform.inbox;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Remembers which events a consumer has processed, in the transaction of the effect. */
@ApplicationScoped
public class Inbox {
    private final EntityManager entityManager;
    private final MeterRegistry metrics;

    Inbox(EntityManager entityManager, MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    /** Runs the handler unless this consumer already processed the event; true when it ran. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean process(String consumer, CloudEvent event, EventHandler handler) {
        int inserted = entityManager
                .createNativeQuery(
                        "INSERT INTO inbox_message (consumer, event_id, event_type) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, event.getId())
                .setParameter(3, event.getType())
                .executeUpdate();
        if (inserted == 0) {
            metrics.counter("schoolsafe.inbox.duplicates.skipped", "group", consumer)
                    .increment();
            return false;
        }
        handler.handle(event);
        return true;
    }
}
