package nl.rotterdam.schoolsafe.subsidy.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UrgencyFormulaTest {
    private static final UrgencyFormula DEFAULT =
            new UrgencyFormula(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, 10);

    /**
     * By hand: board A ranks L1, L2; board B ranks L3.
     * L1: 10 x 2/2 + 4 (4 incidents per 1000 of 1000 pupils) + (4 - 2) = 16
     * L2: 10 x 1/2 + 2 (1 per 500 pupils) + max(0, 2 - 2)             = 7
     * L3: 10 x 1/1 + 5 (10 per 2000 pupils) + max(0, 5 - 5)           = 15
     * 8,000,000 cents x 16/38 = 3,368,421.05; x 7/38 = 1,473,684.21; x 15/38 = 3,157,894.74:
     * floors add to 7,999,999, the last cent goes to L3's largest remainder.
     */
    static final List<UrgencyFormula.Input> FIXTURE = List.of(
            new UrgencyFormula.Input("L1", "A", 1, 2, 1000, 4, 2),
            new UrgencyFormula.Input("L2", "A", 2, 2, 500, 1, 1),
            new UrgencyFormula.Input("L3", "B", 1, 1, 2000, 10, 10));

    @Test
    void reproducesTheHandComputedProposal() {
        Map<String, UrgencyFormula.Line> lines = DEFAULT.propose(FIXTURE, 8_000_000).stream()
                .collect(Collectors.toMap(l -> l.input().schoolLocationId(), l -> l));
        assertEquals(0, new BigDecimal("16").compareTo(lines.get("L1").score()));
        assertEquals(0, new BigDecimal("7").compareTo(lines.get("L2").score()));
        assertEquals(0, new BigDecimal("15").compareTo(lines.get("L3").score()));
        assertEquals(3_368_421, lines.get("L1").proposedCents());
        assertEquals(1_473_684, lines.get("L2").proposedCents());
        assertEquals(3_157_895, lines.get("L3").proposedCents());
    }

    @Test
    void onlyTheMostUrgentLocationsAreFundedWhenTheRoundIsCapped() {
        List<UrgencyFormula.Line> lines =
                new UrgencyFormula(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, 2).propose(FIXTURE, 3_100);
        Map<String, Long> cents = lines.stream()
                .collect(Collectors.toMap(l -> l.input().schoolLocationId(), UrgencyFormula.Line::proposedCents));
        assertEquals(Map.of("L1", 1_600L, "L2", 0L, "L3", 1_500L), cents);
    }

    @Test
    void theSharesAlwaysAddUpToTheAvailableCents() {
        for (long available : new long[] {1, 7, 999, 8_000_000, 8_000_001}) {
            assertEquals(
                    available,
                    DEFAULT.propose(FIXTURE, available).stream()
                            .mapToLong(UrgencyFormula.Line::proposedCents)
                            .sum());
        }
    }
}
