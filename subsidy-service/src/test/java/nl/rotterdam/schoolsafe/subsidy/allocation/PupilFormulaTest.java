package nl.rotterdam.schoolsafe.subsidy.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PupilFormulaTest {
    private static final PupilFormula FORMULA = new PupilFormula(100_000, Map.of("VSO", new BigDecimal("2")));

    /**
     * By hand: 1,000,000 cents, base 100,000 for each of 3 locations leaves 700,000 for
     * 800 + 2 x 200 + 600 = 1,800 weighted pupils: 311,111.1 / 155,555.5 / 233,333.3,
     * so 411,111 / 255,556 (largest remainder) / 333,333.
     */
    @Test
    void reproducesTheHandComputedFormula() {
        List<PupilFormula.Input> inputs = List.of(
                new PupilFormula.Input("VO1", "a", "VO", 800),
                new PupilFormula.Input("VSO1", "a", "VSO", 200),
                new PupilFormula.Input("VO2", "b", "VO", 600));
        Map<String, Long> cents = FORMULA.propose(inputs, 1_000_000).stream()
                .collect(Collectors.toMap(l -> l.input().schoolLocationId(), PupilFormula.Line::proposedCents));
        assertEquals(Map.of("VO1", 411_111L, "VSO1", 255_556L, "VO2", 333_333L), cents);
    }

    @Test
    void refusesABaseAmountThePotCannotGiveEveryLocation() {
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> FORMULA.propose(
                        List.of(
                                new PupilFormula.Input("VO1", "a", "VO", 1),
                                new PupilFormula.Input("VO2", "a", "VO", 1)),
                        150_000));
        assertEquals("baseCents", refused.toProblem("/x").errors().get(0).field());
    }
}
