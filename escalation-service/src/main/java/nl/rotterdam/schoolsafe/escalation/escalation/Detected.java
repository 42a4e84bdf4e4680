package nl.rotterdam.schoolsafe.escalation.escalation;

import java.util.List;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;

/** An incident the detection rules found cross-school, with the rules that fired for it. */
public record Detected(ReportedIncident incident, List<RuleFired> fired) {
    public Detected {
        if (fired.isEmpty()) {
            throw new IllegalArgumentException("an incident joins a case only when a rule fired");
        }
        fired = List.copyOf(fired);
    }
}
