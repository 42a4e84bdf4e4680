package nl.rotterdam.schoolsafe.runtime.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one measurement, in milliseconds. */
record Percentiles(List<Double> millis) {
    static Percentiles of(List<Long> nanos) {
        List<Double> sorted = new ArrayList<>(nanos.stream().map(n -> n / 1e6).toList());
        Collections.sort(sorted);
        return new Percentiles(sorted);
    }

    double at(double fraction) {
        return millis.get(Math.min(millis.size() - 1, (int) Math.ceil(fraction * millis.size()) - 1));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
