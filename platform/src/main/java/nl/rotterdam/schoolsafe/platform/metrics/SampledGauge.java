package nl.rotterdam.schoolsafe.platform.metrics;

/**
 * A number an operator watches that lives in the service's own database (a backlog, a count of pots nearly empty),
 * read with one query every sample interval rather than on every scrape. A service contributes one with a
 * {@code @Produces} method; {@link SampledGauges} registers and refreshes them all.
 */
public record SampledGauge(String name, String description, String sql) {
    public SampledGauge {
        if (!name.startsWith("schoolsafe.")) {
            throw new IllegalArgumentException("an operator metric is named schoolsafe.*: " + name);
        }
    }
}
