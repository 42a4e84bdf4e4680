package nl.rotterdam.schoolsafe.subsidy.allocation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Divides whole cents in proportion to weights by the largest-remainder method: every share is
 * floored, and the cents left over go one each to the largest remainders (ties by key), so the
 * shares always add up to exactly the amount divided.
 */
final class Shares {
    private Shares() {}

    static Map<String, Long> divide(long cents, Map<String, BigDecimal> weights) {
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Long> shares = new LinkedHashMap<>();
        if (total.signum() <= 0) {
            weights.keySet().forEach(k -> shares.put(k, 0L));
            return shares;
        }
        record Part(String key, long floor, BigDecimal remainder) {}
        List<Part> parts = new ArrayList<>();
        long given = 0;
        for (Map.Entry<String, BigDecimal> weight : weights.entrySet()) {
            BigDecimal exact =
                    BigDecimal.valueOf(cents).multiply(weight.getValue()).divide(total, 12, RoundingMode.DOWN);
            BigInteger floor = exact.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
            parts.add(new Part(weight.getKey(), floor.longValueExact(), exact.subtract(new BigDecimal(floor))));
            given += floor.longValueExact();
        }
        long left = cents - given;
        List<String> byRemainder = parts.stream()
                .sorted(Comparator.comparing(Part::remainder).reversed().thenComparing(Part::key))
                .map(Part::key)
                .toList();
        parts.forEach(p -> shares.put(p.key(), p.floor()));
        for (int i = 0; i < left; i++) {
            shares.merge(byRemainder.get(i % byRemainder.size()), 1L, Long::sum);
        }
        return shares;
    }
}
