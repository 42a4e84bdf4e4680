package nl.rotterdam.schoolsafe.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "schoolsafe.outbox")
public interface OutboxConfig {
    /** The safety-net poll; each commit that wrote an event wakes the relay at once. */
    @WithDefault("5s")
    Duration pollInterval();

    /** The first wait after a failed publish; it doubles with each failed attempt up to the longest. */
    @WithDefault("1s")
    Duration retryBackoff();

    @WithDefault("10s")
    Duration longestRetryBackoff();

    /** Readiness goes DOWN when the relay has failed to publish for this long. */
    @WithDefault("60s")
    Duration unreadyAfter();
}
