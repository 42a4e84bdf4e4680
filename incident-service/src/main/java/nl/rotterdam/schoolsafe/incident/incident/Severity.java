package nl.rotterdam.schoolsafe.incident.incident;

/** Severity (ernst). */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
