package nl.rotterdam.schoolsafe.escalation.escalation;

import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How fast the district's safety expert must respond. */
@Schema(name = "EscalationPriority", description = "How fast the district's safety expert must respond")
public enum Priority {
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The priority a detected incident brings to its case. */
    static Priority of(Detected detected) {
        if (detected.fired().stream().anyMatch(f -> f.rule() == DetectionRule.WEAPON_OR_CRITICAL)) {
            return CRITICAL;
        }
        return detected.incident().severity() == Severity.HIGH ? HIGH : MEDIUM;
    }

    Priority atLeast(Priority other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
