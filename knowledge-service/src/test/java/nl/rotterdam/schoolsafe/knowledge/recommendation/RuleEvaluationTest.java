package nl.rotterdam.schoolsafe.knowledge.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleEvaluationTest {
    static final YearMonth NOW = YearMonth.of(2026, 11);
    static final RuleEvaluation.Spec AGGRESSION = new RuleEvaluation.Spec(
            "RISING_AGGRESSION",
            List.of("PHYSICAL_VIOLENCE", "THREAT", "AGGRESSION_AGAINST_STAFF"),
            3,
            6,
            3,
            new BigDecimal("1.50"));

    @Test
    void firesOnARiseAcrossTheRulesCategoriesWithTheFiguresThatTriggeredIt() {
        Map<String, Map<YearMonth, Integer>> counts = Map.of(
                "PHYSICAL_VIOLENCE", Map.of(NOW, 2, NOW.minusMonths(1), 1, NOW.minusMonths(5), 1),
                "THREAT", Map.of(NOW.minusMonths(2), 1),
                "BULLYING", Map.of(NOW, 9));
        RuleEvaluation.Figures figures =
                RuleEvaluation.evaluate(AGGRESSION, counts, NOW).orElseThrow();
        assertEquals(4, figures.recentCount());
        assertEquals(1, figures.previousCount());
        assertEquals("2026-09", figures.recentFrom());
        assertEquals("2026-11", figures.recentTo());
        assertEquals("2026-03", figures.previousFrom());
        assertEquals("2026-08", figures.previousTo());
        assertEquals(new BigDecimal("1.33"), figures.recentPerMonth());
        assertEquals(new BigDecimal("0.17"), figures.previousPerMonth());
        assertEquals(3, figures.minimumRecent());
        assertEquals(new BigDecimal("1.50"), figures.riseFactor());
    }

    @Test
    void staysSilentBelowTheMinimumOrWithoutARise() {
        assertEquals(Optional.empty(), RuleEvaluation.evaluate(AGGRESSION, Map.of("THREAT", Map.of(NOW, 2)), NOW));
        // 3 recent (1/month) against 12 before (2/month): a fall, not a rise
        Map<String, Map<YearMonth, Integer>> falling =
                Map.of("THREAT", Map.of(NOW, 3, NOW.minusMonths(4), 6, NOW.minusMonths(6), 6));
        assertEquals(Optional.empty(), RuleEvaluation.evaluate(AGGRESSION, falling, NOW));
    }

    @Test
    void theRiseIsComparedPerMonthAtExactlyTheFactor() {
        // recent 3 in 3 months = 1/month; before 4 in 6 months = 0.67/month; 1 >= 1.5 * 0.67 exactly
        Map<String, Map<YearMonth, Integer>> counts = Map.of("THREAT", Map.of(NOW, 3, NOW.minusMonths(3), 4));
        assertTrue(RuleEvaluation.evaluate(AGGRESSION, counts, NOW).isPresent());
        Map<String, Map<YearMonth, Integer>> justAbove = Map.of("THREAT", Map.of(NOW, 3, NOW.minusMonths(3), 5));
        assertTrue(RuleEvaluation.evaluate(AGGRESSION, justAbove, NOW).isEmpty());
    }

    @Test
    void monthsOutsideBothWindowsDoNotCount() {
        Map<String, Map<YearMonth, Integer>> counts = Map.of("THREAT", Map.of(NOW, 3, NOW.minusMonths(9), 50));
        assertEquals(
                0,
                RuleEvaluation.evaluate(AGGRESSION, counts, NOW).orElseThrow().previousCount());
    }

    @Test
    void aRuleWithWindowsOrFactorOutOfRangeIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleEvaluation.Spec("X", List.of("THREAT"), 0, 6, 1, BigDecimal.ONE));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleEvaluation.Spec("X", List.of("THREAT"), 3, 6, 1, new BigDecimal("0.5")));
    }
}
