package nl.rotterdam.schoolsafe.escalation.detection;

import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Decides from one incident whether it crosses school boundaries (DESIGN §5, escalation-service). */
@ApplicationScoped
public class DetectionRules {
    private static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    private final Set<Rule> enabled;

    DetectionRules(@ConfigProperty(name = "schoolsafe.escalation.rules.enabled",
            defaultValue = "WEAPON_OR_CRITICAL,INVOLVED_PERSON_OF_OTHER_SCHOOL,OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER") Set<Rule> enabled) {
        this.enabled = Set.copyOf(enabled);
    }

    public List<RuleFired> evaluate(IncidentEvent incident) {
        List<RuleFired> fired = new ArrayList<>();
        if (enabled.contains(Rule.WEAPON_OR_CRITICAL)
                && ("WEAPON".equals(incident.category()) || "CRITICAL".equals(incident.severity()))) {
            fired.add(new RuleFired(Rule.WEAPON_OR_CRITICAL,
                    "category " + incident.category() + " with severity " + incident.severity() + " escalates at once"));
        }
        if (enabled.contains(Rule.INVOLVED_PERSON_OF_OTHER_SCHOOL)) {
            long others = incident.involvedPersons().stream()
                    .filter(p -> p.schoolLocationId() != null && !p.schoolLocationId().equals(incident.schoolLocationId()))
                    .count();
            if (others > 0) {
                fired.add(new RuleFired(Rule.INVOLVED_PERSON_OF_OTHER_SCHOOL,
                        others + " involved person(s) from another school location"));
            }
        }
        if (enabled.contains(Rule.OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER)
                && !"IN_SCHOOL".equals(incident.locationType())
                && SEVERITIES.indexOf(incident.severity()) >= SEVERITIES.indexOf("MEDIUM")) {
            fired.add(new RuleFired(Rule.OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER,
                    "location " + incident.locationType() + " outside school with severity " + incident.severity()));
        }
        return fired;
    }
}
