package nl.rotterdam.schoolsafe.subsidy.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The joint urgency round's proposal, written out so a board can recompute it by hand:
 * <pre>
 *   rankScore = (n - rank + 1) / n          n = locations the board ranked, rank 1 = most urgent
 *   rate      = recent x 1000 / pupils      incidents in the relevant categories, last 12 months
 *   previous  = earlier x 1000 / pupils     the 12 months before those
 *   trend     = max(0, rate - previous)
 *   score     = wRank x rankScore + wRate x rate + wTrend x trend
 * </pre>
 * The available cents go to the {@code maxLocations} highest scores in proportion to their score.
 */
public record UrgencyFormula(BigDecimal rankWeight, BigDecimal rateWeight, BigDecimal trendWeight, int maxLocations) {
    public static final String TEXT =
            "score = wRank x (n - rank + 1) / n + wRate x rate + wTrend x max(0, rate - previousRate); "
                    + "rate = incidents in the last 12 months x 1000 / pupils, previousRate = the 12 months before; the available cents "
                    + "are divided over the maxLocations highest scores in proportion to score, floored to cents, leftover cents to the "
                    + "largest remainders";

    /** One ranked location with the figures the score is made of. */
    public record Input(
            String schoolLocationId,
            String boardId,
            int rank,
            int rankedByBoard,
            int pupils,
            long recentIncidents,
            long previousIncidents) {}

    /** A location's score with its parts, and its proposed share. */
    public record Line(
            Input input,
            BigDecimal rankScore,
            BigDecimal rate,
            BigDecimal previousRate,
            BigDecimal trend,
            BigDecimal score,
            long proposedCents) {}

    public List<Line> propose(List<Input> inputs, long availableCents) {
        Map<String, Line> scored = new LinkedHashMap<>();
        for (Input input : inputs) {
            BigDecimal rankScore = BigDecimal.valueOf(input.rankedByBoard() - input.rank() + 1L)
                    .divide(BigDecimal.valueOf(input.rankedByBoard()), 6, RoundingMode.HALF_EVEN);
            BigDecimal rate = perThousand(input.recentIncidents(), input.pupils());
            BigDecimal previous = perThousand(input.previousIncidents(), input.pupils());
            BigDecimal trend = rate.subtract(previous).max(BigDecimal.ZERO);
            BigDecimal score = rankWeight
                    .multiply(rankScore)
                    .add(rateWeight.multiply(rate))
                    .add(trendWeight.multiply(trend))
                    .setScale(6, RoundingMode.HALF_EVEN);
            scored.put(input.schoolLocationId(), new Line(input, rankScore, rate, previous, trend, score, 0));
        }
        List<String> funded = scored.values().stream()
                .sorted(Comparator.comparing(Line::score)
                        .reversed()
                        .thenComparing(l -> l.input().schoolLocationId()))
                .limit(maxLocations)
                .map(l -> l.input().schoolLocationId())
                .toList();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        funded.forEach(id -> weights.put(id, scored.get(id).score()));
        Map<String, Long> shares = Shares.divide(availableCents, weights);
        return scored.values().stream()
                .map(l -> new Line(
                        l.input(),
                        l.rankScore(),
                        l.rate(),
                        l.previousRate(),
                        l.trend(),
                        l.score(),
                        shares.getOrDefault(l.input().schoolLocationId(), 0L)))
                .toList();
    }

    private static BigDecimal perThousand(long incidents, int pupils) {
        return pupils <= 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(incidents * 1000L).divide(BigDecimal.valueOf(pupils), 6, RoundingMode.HALF_EVEN);
    }
}
