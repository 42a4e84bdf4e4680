package nl.rotterdam.schoolsafe.knowledge.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether a rule fires for one location's counts. The recent window is the current month and the
 * months before it ({@code recentMonths} in all); the previous window the {@code previousMonths}
 * before that. It fires when the recent window has at least {@code minimumRecent} incidents and its
 * monthly rate is at least {@code riseFactor} times the previous window's.
 */
public final class RuleEvaluation {
    private RuleEvaluation() {}

    public record Spec(
            String ruleId,
            List<String> categories,
            int recentMonths,
            int previousMonths,
            int minimumRecent,
            BigDecimal riseFactor) {
        public Spec {
            if (recentMonths < 1
                    || previousMonths < 1
                    || minimumRecent < 1
                    || riseFactor.compareTo(BigDecimal.ONE) < 0
                    || categories.isEmpty()) {
                throw new IllegalArgumentException("rule " + ruleId + " has windows, minimum or factor out of range");
            }
        }
    }

    @Schema(
            name = "RecommendationFigures",
            description =
                    "The figures that made the rule fire (onderbouwing): counts in both windows and the thresholds.")
    public record Figures(
            @Schema(description = "First month of the recent window (recente periode)", example = "2026-09")
            String recentFrom,

            @Schema(description = "Last month of the recent window", example = "2026-11")
            String recentTo,

            @Schema(description = "Incidents in the recent window", example = "6")
            int recentCount,

            @Schema(description = "First month of the window before (vorige periode)", example = "2026-03")
            String previousFrom,

            @Schema(description = "Last month of the window before", example = "2026-08")
            String previousTo,

            @Schema(description = "Incidents in the window before", example = "2")
            int previousCount,

            @Schema(description = "Incidents per month, recent window", example = "2.00")
            BigDecimal recentPerMonth,

            @Schema(description = "Incidents per month, window before", example = "0.33")
            BigDecimal previousPerMonth,

            @Schema(
                    description = "Threshold: at least this many incidents in the recent window (drempel)",
                    example = "3")
            int minimumRecent,

            @Schema(
                    description =
                            "Threshold: the recent monthly rate is at least this many times the rate before (stijgingsfactor)",
                    example = "1.50")
            BigDecimal riseFactor) {}

    /** The figures when the rule fires for these counts (category → month → incidents) in the month {@code current}. */
    public static Optional<Figures> evaluate(
            Spec rule, Map<String, Map<YearMonth, Integer>> counts, YearMonth current) {
        YearMonth recentFrom = current.minusMonths(rule.recentMonths() - 1L);
        YearMonth previousTo = recentFrom.minusMonths(1);
        YearMonth previousFrom = previousTo.minusMonths(rule.previousMonths() - 1L);
        int recent = sum(rule, counts, recentFrom, current);
        int previous = sum(rule, counts, previousFrom, previousTo);
        // recent / recentMonths >= factor * previous / previousMonths, without dividing
        boolean rising = BigDecimal.valueOf((long) recent * rule.previousMonths())
                        .compareTo(
                                rule.riseFactor().multiply(BigDecimal.valueOf((long) previous * rule.recentMonths())))
                >= 0;
        if (recent < rule.minimumRecent() || !rising) {
            return Optional.empty();
        }
        return Optional.of(new Figures(
                recentFrom.toString(),
                current.toString(),
                recent,
                previousFrom.toString(),
                previousTo.toString(),
                previous,
                perMonth(recent, rule.recentMonths()),
                perMonth(previous, rule.previousMonths()),
                rule.minimumRecent(),
                rule.riseFactor().setScale(2, RoundingMode.HALF_UP)));
    }

    /** The earliest month any rule with these windows looks at. */
    public static YearMonth earliest(Spec rule, YearMonth current) {
        return current.minusMonths(rule.recentMonths() + rule.previousMonths() - 1L);
    }

    private static int sum(Spec rule, Map<String, Map<YearMonth, Integer>> counts, YearMonth from, YearMonth to) {
        int total = 0;
        for (String category : rule.categories()) {
            for (Map.Entry<YearMonth, Integer> month :
                    counts.getOrDefault(category, Map.of()).entrySet()) {
                if (!month.getKey().isBefore(from) && !month.getKey().isAfter(to)) {
                    total += month.getValue();
                }
            }
        }
        return total;
    }

    private static BigDecimal perMonth(int count, int months) {
        return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
    }
}
