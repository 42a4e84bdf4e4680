package nl.rotterdam.schoolsafe.subsidy.application;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A location's incidents in the relevant categories over the last window against the window before it, as measured
 * when extra security was decided: the rise the grant answers.
 */
public record IncidentTrend(int recentIncidents, int previousIncidents, int windowDays, OffsetDateTime measuredAt) {
    public IncidentTrend {
        if (recentIncidents < 0 || previousIncidents < 0) {
            throw new IllegalArgumentException("incident counts are never negative");
        }
        if (windowDays <= 0) {
            throw new IllegalArgumentException("a trend is measured over at least a day");
        }
        Objects.requireNonNull(measuredAt, "measuredAt");
    }

    public boolean rising() {
        return recentIncidents > previousIncidents;
    }
}
