package nl.rotterdam.schoolsafe.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "schoolsafe.outbox")
public interface OutboxConfig {
    /** The safety-net poll; each commit that wrote an event wakes the relay at once. */
    @WithDefault("5s")
    Duration pollInterval();

    @WithDefault("1s")
    Duration retryBackoff();
}
