package nl.rotterdam.schoolsafe.incident.statistics;

import static nl.rotterdam.schoolsafe.incident.statistics.Dimension.CATEGORY;
import static nl.rotterdam.schoolsafe.incident.statistics.Dimension.DISTRICT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SmallCellSuppressionTest {

    private static Map<String, Boolean> suppressedByDistrict(List<SmallCellSuppression.Cell> cells) {
        return cells.stream()
                .collect(Collectors.toMap(c -> c.keys().get(DISTRICT), SmallCellSuppression.Cell::suppressed));
    }

    @Test
    void suppressesSmallCellsAndTheSmallestComplementSoTheTotalGivesNothingAway() {
        Map<Map<Dimension, String>, Long> counts = new LinkedHashMap<>();
        counts.put(Map.of(DISTRICT, "delfshaven"), 7L);
        counts.put(Map.of(DISTRICT, "charlois"), 3L);
        counts.put(Map.of(DISTRICT, "noord"), 6L);
        counts.put(Map.of(DISTRICT, "centrum"), 20L);
        Map<String, Boolean> suppressed =
                suppressedByDistrict(SmallCellSuppression.apply(List.of(DISTRICT), counts, 5));
        assertEquals(Map.of("delfshaven", false, "charlois", true, "noord", true, "centrum", false), suppressed);
    }

    @Test
    void leavesATableWithoutSmallCellsWhole() {
        Map<Map<Dimension, String>, Long> counts = Map.of(Map.of(DISTRICT, "a"), 5L, Map.of(DISTRICT, "b"), 9L);
        assertTrue(SmallCellSuppression.apply(List.of(DISTRICT), counts, 5).stream()
                .noneMatch(SmallCellSuppression.Cell::suppressed));
    }

    @Test
    void everyLineOfATwoWayTableHoldsNoneOrAtLeastTwoSuppressedCells() {
        Map<Map<Dimension, String>, Long> counts = new LinkedHashMap<>();
        String[] districts = {"a", "b", "c"};
        String[] categories = {"THREAT", "THEFT", "BULLYING"};
        long[][] values = {{2, 10, 12}, {8, 9, 30}, {15, 6, 7}};
        for (int d = 0; d < 3; d++) {
            for (int c = 0; c < 3; c++) {
                counts.put(Map.of(DISTRICT, districts[d], CATEGORY, categories[c]), values[d][c]);
            }
        }
        List<SmallCellSuppression.Cell> cells = SmallCellSuppression.apply(List.of(DISTRICT, CATEGORY), counts, 5);
        for (Dimension fixed : List.of(DISTRICT, CATEGORY)) {
            Map<String, Long> perLine = cells.stream()
                    .filter(SmallCellSuppression.Cell::suppressed)
                    .collect(Collectors.groupingBy(c -> c.keys().get(fixed), Collectors.counting()));
            perLine.values().forEach(n -> assertTrue(n >= 2, "a line with one suppressed cell leaks it: " + perLine));
        }
        assertTrue(cells.stream().filter(c -> c.count() < 5).allMatch(SmallCellSuppression.Cell::suppressed));
    }
}
