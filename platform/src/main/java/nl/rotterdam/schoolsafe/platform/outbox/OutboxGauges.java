package nl.rotterdam.schoolsafe.platform.outbox;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import nl.rotterdam.schoolsafe.platform.metrics.SampledGauge;

/** What an operator sees of the outbox: how much waits to be published, and for how long the oldest has waited. */
@Dependent
public class OutboxGauges {
    @Produces
    SampledGauge backlog() {
        return new SampledGauge(
                "schoolsafe.outbox.backlog",
                "Events written and not yet on the broker",
                "SELECT count(*) FROM outbox_message WHERE published_at IS NULL");
    }

    @Produces
    SampledGauge oldestAge() {
        return new SampledGauge(
                "schoolsafe.outbox.oldest.age.seconds",
                "How long the oldest unpublished event has waited (0 when none waits)",
                "SELECT coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM outbox_message"
                        + " WHERE published_at IS NULL");
    }
}
