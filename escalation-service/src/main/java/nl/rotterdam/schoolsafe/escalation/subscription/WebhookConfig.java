package nl.rotterdam.schoolsafe.escalation.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhook deliveries are made (docs/decisions/0008-webhooks.md). */
@ConfigMapping(prefix = "schoolsafe.webhooks")
public interface WebhookConfig {
    /** Local run and tests only: plain http to a receiver on loopback. Production callbacks are https to public hosts. */
    @WithDefault("false")
    boolean allowPlainHttpToLoopback();

    /** Hosts an operator vouches for, which the deny list then does not apply to. */
    Optional<List<String>> allowedHosts();

    /** The longest one delivery may take, connecting included. */
    @WithDefault("5s")
    Duration timeout();

    /** How long a delivery is retried before it is given up and its subscription marked failing. */
    @WithDefault("24h")
    Duration retryFor();

    @WithDefault("10s")
    Duration firstRetryAfter();

    @WithDefault("1h")
    Duration longestRetryAfter();

    /** How often due deliveries are looked for besides the wake-up after each commit that queued one. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries in flight at once; each subscription has at most one, so a slow receiver holds only its own. */
    @WithDefault("8")
    int concurrency();

    /** How long the previous secret still signs after a rotation. */
    @WithDefault("24h")
    Duration secretOverlap();
}
