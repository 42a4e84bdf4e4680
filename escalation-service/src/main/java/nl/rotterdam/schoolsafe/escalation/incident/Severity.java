package nl.rotterdam.schoolsafe.escalation.incident;

/** Severity (ernst), from least to most severe: the rules compare by this order. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
