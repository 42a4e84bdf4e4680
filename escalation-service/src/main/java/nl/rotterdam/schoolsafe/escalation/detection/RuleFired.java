package nl.rotterdam.schoolsafe.escalation.detection;

import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;

/**
 * One rule that fired for an incident, with a plain-language reason free of personal data, and
 * the earlier incidents the rule found the incident belongs with (they join the same case).
 */
public record RuleFired(DetectionRule rule, String explanation, List<UUID> related) {
    public RuleFired {
        related = List.copyOf(related);
    }

    public RuleFired(DetectionRule rule, String explanation) {
        this(rule, explanation, List.of());
    }
}
