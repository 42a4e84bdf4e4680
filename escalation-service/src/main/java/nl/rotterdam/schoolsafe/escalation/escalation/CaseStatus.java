package nl.rotterdam.schoolsafe.escalation.escalation;

/** Life cycle of an escalation case. */
public enum CaseStatus {
    OPEN, ACKNOWLEDGED, CLOSED
}
