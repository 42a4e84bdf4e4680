package nl.rotterdam.schoolsafe.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "schoolsafe.inbox")
public interface InboxConfig {
    @WithDefault("1s")
    Duration retryBackoff();

    /** Consumers per handler in this process. */
    @WithDefault("1")
    int concurrency();
}
