package nl.rotterdam.schoolsafe.platform.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.rotterdam.schoolsafe.platform.liveness.FailureEpisode;
import org.jboss.logging.Logger;

/** Registers every {@link SampledGauge} of the service and refreshes them on a schedule; NaN while it cannot read. */
@ApplicationScoped
public class SampledGauges {
    private static final Logger LOG = Logger.getLogger(SampledGauges.class);

    private final Instance<SampledGauge> gauges;
    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private final Map<SampledGauge, AtomicReference<Double>> values = new LinkedHashMap<>();
    private final FailureEpisode episode =
            new FailureEpisode(LOG, "operator metrics", Duration.ofSeconds(1), Duration.ofSeconds(1));

    SampledGauges(@Any Instance<SampledGauge> gauges, MeterRegistry registry, AgroalDataSource dataSource) {
        this.gauges = gauges;
        this.registry = registry;
        this.dataSource = dataSource;
    }

    void register(@Observes StartupEvent event) {
        for (SampledGauge gauge : gauges) {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            values.put(gauge, value);
            Gauge.builder(gauge.name(), value, AtomicReference::get)
                    .description(gauge.description())
                    .register(registry);
        }
        sample();
    }

    @Scheduled(
            every = "${schoolsafe.metrics.sample-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (Map.Entry<SampledGauge, AtomicReference<Double>> gauge : values.entrySet()) {
                try (ResultSet result = statement.executeQuery(gauge.getKey().sql())) {
                    result.next();
                    gauge.getValue().set(result.getDouble(1));
                }
            }
            episode.succeeded();
        } catch (Exception e) {
            values.values().forEach(value -> value.set(Double.NaN));
            episode.failed(e);
        }
    }
}
