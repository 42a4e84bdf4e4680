package nl.rotterdam.schoolsafe.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client and route class (bucket4j); a client over its rate waits, others are unaffected. The
 * buckets are this replica's: with N replicas each allows 1/N of the configured rate.
 */
@ApplicationScoped
public class RateLimits {
    private static final int MAX_CLIENTS = 100_000;

    public enum RouteClass {
        READ,
        WRITE,
        ANONYMOUS
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimit limits;

    RateLimits(GatewayConfig config) {
        this.limits = config.rateLimit();
    }

    /** The outcome of one request against its bucket, as the RateLimit headers tell the client. */
    public record Decision(boolean allowed, long limit, long remaining, Duration reset) {
        public long resetSeconds() {
            return Math.max(1, (reset.toMillis() + 999) / 1000);
        }
    }

    /** Takes one token from the client's bucket for the route class. */
    public Decision take(String client, RouteClass routeClass) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(
                routeClass + ":" + client,
                key -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute(routeClass))
                                .refillIntervally(perMinute(routeClass), Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Duration reset =
                Duration.ofNanos(probe.isConsumed() ? probe.getNanosToWaitForReset() : probe.getNanosToWaitForRefill());
        return new Decision(probe.isConsumed(), perMinute(routeClass), probe.getRemainingTokens(), reset);
    }

    /** This replica's share of the configured limit, at least one a minute. */
    private long perMinute(RouteClass routeClass) {
        long configured = switch (routeClass) {
            case READ -> limits.readsPerMinute();
            case WRITE -> limits.writesPerMinute();
            case ANONYMOUS -> limits.anonymousPerMinute();
        };
        return share(configured, limits.replicas());
    }

    static long share(long configured, int replicas) {
        return Math.max(1, (configured + replicas - 1) / replicas);
    }
}
