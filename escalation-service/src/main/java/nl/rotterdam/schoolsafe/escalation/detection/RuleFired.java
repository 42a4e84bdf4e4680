package nl.rotterdam.schoolsafe.escalation.detection;

/** One rule that fired for an incident, with a plain-language reason free of personal data. */
public record RuleFired(Rule rule, String explanation) {
}
