package nl.rotterdam.schoolsafe.platform.event;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN within about a second when the broker cannot be reached, as this service's own principal: a probe that hangs
 * for the whole outage tells an orchestrator nothing.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {
    private final KafkaClients kafka;
    private volatile Admin admin;

    BrokerReadiness(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster()
                    .nodes()
                    .get(1500, TimeUnit.MILLISECONDS)
                    .size();
            return HealthCheckResponse.named("Kafka broker")
                    .up()
                    .withData("nodes", nodes)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down(e.getClass().getSimpleName());
        }
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("Kafka broker")
                .down()
                .withData("reason", reason)
                .build();
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = kafka.quickAdmin();
                }
                current = admin;
            }
        }
        return current;
    }

    void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
