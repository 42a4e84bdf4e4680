package nl.rotterdam.schoolsafe.subsidy.allocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The allocation formulas' weights, per deployment (application.properties). */
@ConfigMapping(prefix = "schoolsafe.subsidy.allocation")
public interface AllocationConfig {
    @WithDefault("10")
    BigDecimal rankWeight();

    @WithDefault("1")
    BigDecimal rateWeight();

    @WithDefault("1")
    BigDecimal trendWeight();

    @WithDefault("10")
    int maxLocations();

    /** Incident categories that count for the urgency of aggression and sexual-resilience measures. */
    List<String> categories();

    /** Pupil weight per register sector for the formula method; a sector not listed weighs 1. */
    Map<String, BigDecimal> pupilWeights();

    /** The smallest incident count shown exactly outside the location's own board; smaller ones show as a band. */
    @WithDefault("5")
    int minimumCell();
}
