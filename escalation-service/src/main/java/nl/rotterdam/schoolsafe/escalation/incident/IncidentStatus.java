package nl.rotterdam.schoolsafe.escalation.incident;

/** Where the incident is in its school's handling. */
public enum IncidentStatus {
    DRAFT,
    REGISTERED,
    IN_FOLLOW_UP,
    CLOSED
}
