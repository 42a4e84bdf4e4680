package nl.rotterdam.schoolsafe.incident.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * Police involvement (council answer 49, measure 9): an internal weighing, then consultation with the police or with
 * enforcement, then one outcome: a police report (aangifte), the school's report only (melding), another route such
 * as a HALT referral, or no action with a reason. The name stays the published one.
 */
public enum PoliceReportStatus {
    NONE,
    CONSIDERING,
    CONSULTED,
    FILED,
    SCHOOL_REPORT_ONLY,
    OTHER_ROUTE,
    NO_ACTION;

    /** The statuses that end the weighing; each needs the consultation first. */
    public static final Set<PoliceReportStatus> OUTCOMES =
            EnumSet.of(FILED, SCHOOL_REPORT_ONLY, OTHER_ROUTE, NO_ACTION);

    public Set<PoliceReportStatus> next() {
        return switch (this) {
            case NONE -> EnumSet.of(CONSIDERING);
            case CONSIDERING -> EnumSet.of(CONSULTED);
            case CONSULTED -> EnumSet.copyOf(OUTCOMES);
            case FILED, SCHOOL_REPORT_ONLY, OTHER_ROUTE, NO_ACTION -> EnumSet.noneOf(PoliceReportStatus.class);
        };
    }

    public boolean isOutcome() {
        return OUTCOMES.contains(this);
    }
}
