package nl.rotterdam.schoolsafe.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "schoolsafe.gateway")
public interface GatewayConfig {
    /** The launcher's process id in the local run ({@code SCHOOLSAFE_GATEWAY_PARENT_PID}); the gateway ends with it. */
    Optional<Long> parentPid();

    /** Base URLs of each service's instances by service name (incident, escalation, subsidy, knowledge), comma-separated. */
    Map<String, List<URI>> services();

    /** The management interfaces (health, metrics) of the same instances, in the same order. */
    Map<String, List<URI>> management();

    /** Where partners reach the API; the merged OpenAPI document names it as its server. */
    URI publicUrl();

    /** The {@code API-Version} header of the gateway's own answers. */
    @WithDefault("1.0.0")
    String apiVersion();

    Duration connectTimeout();

    Duration idleTimeout();

    RateLimit rateLimit();

    /** The same limits as the services' {@code schoolsafe.token.*}, which the local run sets for all. */
    Token token();

    interface Token {
        @WithDefault("PT1H")
        Duration maxLifetime();

        @WithDefault("PT60S")
        Duration clockSkew();

        /** How long a verified token is trusted without checking its signature again, never past its expiry. */
        @WithDefault("PT60S")
        Duration verifiedFor();

        /** How many verified tokens the gateway keeps at most. */
        @WithDefault("10000")
        int verifiedKept();
    }

    interface RateLimit {
        long readsPerMinute();

        long writesPerMinute();

        long anonymousPerMinute();

        /**
         * How many gateway replicas share the limits: each allows its share, so a client whose requests the load
         * balancer spreads over them gets the configured rate in all (docs/decisions/0012-replicas.md).
         */
        @WithDefault("1")
        int replicas();
    }
}
