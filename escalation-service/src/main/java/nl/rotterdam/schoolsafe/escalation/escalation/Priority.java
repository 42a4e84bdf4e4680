package nl.rotterdam.schoolsafe.escalation.escalation;

import nl.rotterdam.schoolsafe.escalation.detection.Rule;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;

import java.util.List;

/** How fast the district's safety expert must respond. */
public enum Priority {
    MEDIUM, HIGH, CRITICAL;

    static Priority of(IncidentEvent incident, List<RuleFired> fired) {
        if (fired.stream().anyMatch(f -> f.rule() == Rule.WEAPON_OR_CRITICAL)) {
            return CRITICAL;
        }
        return "HIGH".equals(incident.severity()) ? HIGH : MEDIUM;
    }

    Priority atLeast(Priority other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
