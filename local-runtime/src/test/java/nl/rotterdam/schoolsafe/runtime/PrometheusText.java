package nl.rotterdam.schoolsafe.runtime;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a series out of a Prometheus text exposition, for tests that watch a metric move. */
public final class PrometheusText {
    private PrometheusText() {}

    /** The sum of every sample of {@code name} whose labels contain {@code labels} (may be empty); NaN if none. */
    public static double value(String exposition, String name, String labels) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([^ \\n]+)")
                .matcher(exposition);
        double sum = 0;
        boolean found = false;
        while (sample.find()) {
            String sampleLabels = sample.group(1) == null ? "" : sample.group(1);
            if (sampleLabels.contains(labels)) {
                sum += Double.parseDouble(sample.group(2));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    /** Waits (gauges are sampled) until {@code name} reaches {@code least}; returns the last value read. */
    public static double awaitAtLeast(Supplier<String> exposition, String name, double least, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double value = value(exposition.get(), name, "");
        while (!(value >= least) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = value(exposition.get(), name, "");
        }
        return value;
    }
}
