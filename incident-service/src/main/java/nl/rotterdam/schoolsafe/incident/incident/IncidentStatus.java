package nl.rotterdam.schoolsafe.incident.incident;

/** Life cycle of an incident: draft → registered → in follow-up → closed. */
public enum IncidentStatus {
    DRAFT, REGISTERED, IN_FOLLOW_UP, CLOSED
}
