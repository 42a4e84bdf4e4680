package nl.rotterdam.schoolsafe.incident.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * k-anonymity for count tables: every cell under the threshold is suppressed (primary), and
 * wherever a line of the table (all cells sharing every other dimension's value) would hold a
 * single suppressed cell, the smallest published cell of that line is suppressed too
 * (complementary), so no total, marginal or other grouping of the same year recovers a small
 * cell by subtraction.
 */
public final class SmallCellSuppression {
    private SmallCellSuppression() {}

    /** A cell of a count table: its value per dimension, its count, and whether it may be shown. */
    public record Cell(Map<Dimension, String> keys, long count, boolean suppressed) {
        Cell suppress() {
            return new Cell(keys, count, true);
        }
    }

    public static List<Cell> apply(
            List<Dimension> dimensions, Map<Map<Dimension, String>, Long> counts, int threshold) {
        List<Cell> cells = new ArrayList<>();
        counts.forEach((keys, count) -> cells.add(new Cell(keys, count, count < threshold)));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Dimension along : dimensions) {
                Map<Map<Dimension, String>, List<Integer>> lines = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    Map<Dimension, String> rest =
                            new LinkedHashMap<>(cells.get(i).keys());
                    rest.remove(along);
                    lines.computeIfAbsent(rest, k -> new ArrayList<>()).add(i);
                }
                for (List<Integer> line : lines.values()) {
                    long suppressed =
                            line.stream().filter(i -> cells.get(i).suppressed()).count();
                    if (suppressed != 1) {
                        continue;
                    }
                    Integer complement = line.stream()
                            .filter(i -> !cells.get(i).suppressed())
                            .min(Comparator.comparingLong(
                                            (Integer i) -> cells.get(i).count())
                                    .thenComparing(
                                            i -> Objects.toString(cells.get(i).keys())))
                            .orElse(null);
                    if (complement != null) {
                        cells.set(complement, cells.get(complement).suppress());
                        changed = true;
                    }
                }
            }
        }
        return cells;
    }
}
