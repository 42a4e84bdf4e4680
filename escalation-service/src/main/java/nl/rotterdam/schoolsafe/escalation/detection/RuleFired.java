package nl.rotterdam.schoolsafe.escalation.detection;

import java.util.List;
import java.util.UUID;

/**
 * One rule that fired for an incident, with a plain-language reason free of personal data, and
 * the earlier incidents the rule found the incident belongs with (they join the same case).
 */
public record RuleFired(Rule rule, String explanation, List<UUID> related) {
    public RuleFired {
        related = List.copyOf(related);
    }

    public RuleFired(Rule rule, String explanation) {
        this(rule, explanation, List.of());
    }
}
