package nl.rotterdam.schoolsafe.platform.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * A worker that retries through an outage: it logs the failure once when it starts and once when it ends (not a line
 * and a stack trace per attempt), waits longer after each attempt, and tells the readiness check what is wrong.
 */
public final class FailureEpisode {
    private final Logger log;
    private final String worker;
    private final Duration firstWait;
    private final Duration longestWait;
    private Instant since;
    private int attempts;
    private String cause;

    public FailureEpisode(Logger log, String worker, Duration firstWait, Duration longestWait) {
        this.log = log;
        this.worker = worker;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
    }

    /** Records a failed attempt and returns how long to wait before the next: doubling, capped, with jitter. */
    public synchronized Duration failed(Throwable failure) {
        attempts++;
        if (since == null) {
            since = Instant.now();
            cause = describe(failure);
            log.warnf("%s is failing (%s); retrying with back-off until it works", worker, cause);
        } else {
            log.debugf("%s still failing after %d attempts (%s)", worker, attempts, describe(failure));
        }
        long doubled = firstWait.toMillis() << Math.min(attempts - 1, 16);
        long capped = Math.min(doubled, longestWait.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    public synchronized void succeeded() {
        if (since != null) {
            log.infof(
                    "%s works again after %d s and %d failed attempts",
                    worker, Duration.between(since, Instant.now()).toSeconds(), attempts);
            since = null;
            attempts = 0;
            cause = null;
        }
    }

    /** Since when the worker fails; empty while it works. */
    public synchronized Optional<Instant> failingSince() {
        return Optional.ofNullable(since);
    }

    /** What is failing now, for the readiness check; empty while the worker works. */
    public synchronized Optional<String> current() {
        return since == null ? Optional.empty() : Optional.of(cause + " since " + since);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? message : message + " (" + root.getClass().getSimpleName() + ")";
    }
}
