package nl.rotterdam.schoolsafe.escalation.incident;

/** The police-report decision (aangifte) as far as the school has come. */
public enum PoliceReportStatus {
    NONE,
    CONSIDERING,
    POLICE_CONSULTED,
    FILED,
    NOT_FILED
}
