package nl.rotterdam.schoolsafe.escalation.incident;

/** Police involvement (aangifte, melding or another route) as far as the school has come. */
public enum PoliceReportStatus {
    NONE,
    CONSIDERING,
    CONSULTED,
    FILED,
    SCHOOL_REPORT_ONLY,
    OTHER_ROUTE,
    NO_ACTION
}
