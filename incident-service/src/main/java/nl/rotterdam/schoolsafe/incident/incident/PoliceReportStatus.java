package nl.rotterdam.schoolsafe.incident.incident;

import java.util.EnumSet;
import java.util.Set;

/**
 * The police-report decision (aangifte), decided with the police (measure 9, council answer 49):
 * an internal weighing first, then consultation with police or enforcement, then the decision.
 */
public enum PoliceReportStatus {
    NONE,
    CONSIDERING,
    POLICE_CONSULTED,
    FILED,
    NOT_FILED;

    public Set<PoliceReportStatus> next() {
        return switch (this) {
            case NONE -> EnumSet.of(CONSIDERING);
            case CONSIDERING -> EnumSet.of(POLICE_CONSULTED, NOT_FILED);
            case POLICE_CONSULTED -> EnumSet.of(FILED, NOT_FILED);
            case FILED, NOT_FILED -> EnumSet.noneOf(PoliceReportStatus.class);
        };
    }
}
