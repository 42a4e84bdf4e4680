package nl.rotterdam.schoolsafe.escalation.expulsion;

import java.time.OffsetDateTime;
import java.time.Period;

/**
 * Council answer 26's worrying signal as a rule: a location that reaches {@code threshold} expulsions within the
 * window raises a signal, once per window.
 */
record RepeatedExpulsions(int threshold, Period window) {
    RepeatedExpulsions {
        if (threshold < 1) {
            throw new IllegalArgumentException("a signal needs at least one expulsion");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be longer than zero");
        }
    }

    /** Where the window that ends now begins. */
    OffsetDateTime windowStart(OffsetDateTime now) {
        return now.minus(window);
    }

    /** Whether this many expulsions within the window raise a signal, given whether one was raised within it. */
    boolean worrying(long expulsionsInWindow, boolean signalledInWindow) {
        return expulsionsInWindow >= threshold && !signalledInWindow;
    }
}
