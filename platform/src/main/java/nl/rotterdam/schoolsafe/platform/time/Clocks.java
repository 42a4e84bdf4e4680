package nl.rotterdam.schoolsafe.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The system clock in UTC, ticking in microseconds as PostgreSQL stores time, so an answer built
 * before the commit shows the same instant as one read back later (an idempotent replay is
 * byte-identical). Tests replace it to move time without sleeping.
 */
public class Clocks {
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
