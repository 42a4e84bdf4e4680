package nl.rotterdam.schoolsafe.escalation.detection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.EscalationConfig;
import nl.rotterdam.schoolsafe.escalation.incident.Category;
import nl.rotterdam.schoolsafe.escalation.incident.History;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;

/** Decides whether an incident crosses school boundaries (docs/architecture.md §9). */
@ApplicationScoped
public class DetectionRules {
    private final RulesConfig config;

    @Inject
    DetectionRules(EscalationConfig config) {
        this(config.rules());
    }

    DetectionRules(RulesConfig config) {
        this.config = config;
    }

    /** The rules that fire for the incident; the incident itself is expected to be in the history already. */
    public List<RuleFired> evaluate(ReportedIncident incident, History history) {
        Set<DetectionRule> enabled = config.enabled();
        List<RuleFired> fired = new ArrayList<>();
        if (enabled.contains(DetectionRule.WEAPON_OR_CRITICAL)
                && (incident.category() == Category.WEAPON || incident.severity() == Severity.CRITICAL)) {
            fired.add(new RuleFired(
                    DetectionRule.WEAPON_OR_CRITICAL,
                    "category " + incident.category() + " with severity " + incident.severity()
                            + " escalates at once"));
        }
        if (enabled.contains(DetectionRule.INVOLVED_PERSON_OF_OTHER_SCHOOL)) {
            long others = incident.involvedPersons().stream()
                    .filter(p -> p.schoolLocationId() != null
                            && !p.schoolLocationId().equals(incident.schoolLocationId()))
                    .count();
            if (others > 0) {
                fired.add(new RuleFired(
                        DetectionRule.INVOLVED_PERSON_OF_OTHER_SCHOOL,
                        others + " involved person(s) from another school location"));
            }
        }
        if (enabled.contains(DetectionRule.OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER)
                && incident.locationType().outsideSchool()
                && incident.severity().atLeast(config.outsideSchoolMinimumSeverity())) {
            fired.add(new RuleFired(
                    DetectionRule.OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER,
                    "location " + incident.locationType() + " outside school with severity " + incident.severity()));
        }
        if (enabled.contains(DetectionRule.SAME_PSEUDONYM_AT_SCHOOLS)) {
            samePseudonym(incident, history).ifPresent(fired::add);
        }
        if (enabled.contains(DetectionRule.DISTRICT_CLUSTER)) {
            districtCluster(incident, history).ifPresent(fired::add);
        }
        return fired;
    }

    private Optional<RuleFired> samePseudonym(ReportedIncident incident, History history) {
        OffsetDateTime from = incident.occurredAt().minus(config.samePseudonymWindow());
        OffsetDateTime to = incident.occurredAt().plus(config.samePseudonymWindow());
        int most = 0;
        Set<UUID> related = new LinkedHashSet<>();
        for (ReportedIncident.Person person : incident.involvedPersons()) {
            if (person.pseudonym() == null) {
                continue;
            }
            Map<UUID, String> incidents = history.incidentsOfPseudonym(person.pseudonym(), from, to);
            Set<String> schools = new HashSet<>(incidents.values());
            schools.add(incident.schoolLocationId());
            if (schools.size() >= config.samePseudonymSchools()) {
                related.addAll(incidents.keySet());
            }
            most = Math.max(most, schools.size());
        }
        related.remove(incident.incidentId());
        return most >= config.samePseudonymSchools()
                ? Optional.of(new RuleFired(
                        DetectionRule.SAME_PSEUDONYM_AT_SCHOOLS,
                        "an involved student appears at " + most + " school locations within "
                                + config.samePseudonymWindow().toDays() + " days",
                        List.copyOf(related)))
                : Optional.empty();
    }

    private Optional<RuleFired> districtCluster(ReportedIncident incident, History history) {
        History.DistrictWindow window = history.districtWindow(
                incident.district(),
                incident.occurredAt().minus(config.districtClusterWindow()),
                incident.occurredAt());
        return window.incidents() >= config.districtClusterIncidents() && window.schools() >= 2
                ? Optional.of(new RuleFired(
                        DetectionRule.DISTRICT_CLUSTER,
                        window.incidents() + " incidents at " + window.schools() + " school locations in "
                                + incident.district() + " within "
                                + config.districtClusterWindow().toDays()
                                + " days"))
                : Optional.empty();
    }
}
