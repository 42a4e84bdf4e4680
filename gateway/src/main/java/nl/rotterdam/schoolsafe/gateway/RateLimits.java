package nl.rotterdam.schoolsafe.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Token buckets per client and route class (bucket4j); a client over its rate waits, others are unaffected. */
@ApplicationScoped
public class RateLimits {
    private static final int MAX_CLIENTS = 100_000;

    public enum RouteClass { READ, WRITE, ANONYMOUS }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final GatewayConfig.RateLimit limits;

    RateLimits(GatewayConfig config) {
        this.limits = config.rateLimit();
    }

    /** Takes one token; empty when allowed, else how long the client must wait. */
    public java.util.Optional<Duration> take(String client, RouteClass routeClass) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(routeClass + ":" + client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute(routeClass)).refillIntervally(perMinute(routeClass), Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private long perMinute(RouteClass routeClass) {
        return switch (routeClass) {
            case READ -> limits.readsPerMinute();
            case WRITE -> limits.writesPerMinute();
            case ANONYMOUS -> limits.anonymousPerMinute();
        };
    }
}
