package nl.rotterdam.schoolsafe.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN while any consumer is not running, is failing, or has fallen too far behind. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {
    private final InboxConsumers consumers;

    ConsumerReadiness(InboxConsumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> problems = consumers.notConsuming();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("event consumers").status(problems.isEmpty());
        problems.forEach(response::withData);
        return response.build();
    }
}
