package nl.rotterdam.schoolsafe.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "schoolsafe.inbox")
public interface InboxConfig {
    /** The first wait after a failure; it doubles with each failed attempt up to the longest. */
    @WithDefault("1s")
    Duration retryBackoff();

    @WithDefault("30s")
    Duration longestRetryBackoff();

    /** Consumers per handler in this process. */
    @WithDefault("1")
    int concurrency();

    /** Readiness is DOWN while a consumer is further behind its partitions than this many records. */
    @WithDefault("10000")
    long maxLag();

    /** How long shutdown waits for a consumer to finish its record and leave its group. */
    @WithDefault("10s")
    Duration shutdownTimeout();
}
