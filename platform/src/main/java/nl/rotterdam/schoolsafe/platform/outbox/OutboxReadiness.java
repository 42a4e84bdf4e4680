package nl.rotterdam.schoolsafe.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN once the relay has failed to publish for longer than {@code schoolsafe.outbox.unready-after}: the service
 * still takes writes (they wait in the outbox, nothing is lost), but what it announces is late, and an operator must
 * know. A short broker blip does not flap it.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {
    private final OutboxRelay relay;
    private final Duration unreadyAfter;

    OutboxReadiness(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.unreadyAfter = config.unreadyAfter();
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Instant> since = relay.failingSince();
        boolean late = since.isPresent() && since.get().plus(unreadyAfter).isBefore(Instant.now());
        return HealthCheckResponse.named("outbox relay")
                .status(!late)
                .withData("failingSince", since.map(Instant::toString).orElse("-"))
                .build();
    }
}
