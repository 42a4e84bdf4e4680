package nl.rotterdam.schoolsafe.subsidy.allocation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * A fixed system like the quality budget's: every location gets a base amount, and what is left
 * is divided in proportion to weighted pupils (pupils x the sector's weight).
 * {@code amount = base + (available - base x locations) x weightedPupils / total weightedPupils}.
 */
public record PupilFormula(long baseCents, Map<String, BigDecimal> sectorWeights) {
    public static final String TEXT =
            "amount = baseCents + (available - baseCents x locations) x pupils x sectorWeight / "
                    + "sum(pupils x sectorWeight), floored to cents, leftover cents to the largest remainders";

    public record Input(String schoolLocationId, String boardId, String sector, int pupils) {}

    public record Line(Input input, BigDecimal weight, BigDecimal weightedPupils, long proposedCents) {}

    public List<Line> propose(List<Input> inputs, long availableCents) {
        long remaining = availableCents - baseCents * inputs.size();
        if (remaining < 0) {
            throw ProblemException.invalid(
                    "baseCents",
                    "times " + inputs.size() + " locations exceeds the " + availableCents + " cents available");
        }
        Map<String, BigDecimal> weighted = new LinkedHashMap<>();
        for (Input input : inputs) {
            weighted.put(
                    input.schoolLocationId(), BigDecimal.valueOf(input.pupils()).multiply(weight(input.sector())));
        }
        Map<String, Long> shares = Shares.divide(remaining, weighted);
        return inputs.stream()
                .map(i -> new Line(
                        i,
                        weight(i.sector()),
                        weighted.get(i.schoolLocationId()),
                        baseCents + shares.get(i.schoolLocationId())))
                .toList();
    }

    private BigDecimal weight(String sector) {
        return sectorWeights.getOrDefault(sector, BigDecimal.ONE);
    }
}
