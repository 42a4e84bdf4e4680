package nl.rotterdam.schoolsafe.escalation.detection;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Set;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;

/** Per-deployment settings of the detection rules (docs/architecture.md §9): which run, thresholds and windows. */
public interface RulesConfig {
    @WithDefault(
            "WEAPON_OR_CRITICAL,INVOLVED_PERSON_OF_OTHER_SCHOOL,OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER,SAME_PSEUDONYM_AT_SCHOOLS,DISTRICT_CLUSTER")
    Set<DetectionRule> enabled();

    /** Lowest severity at which an incident outside school escalates. */
    @WithDefault("MEDIUM")
    Severity outsideSchoolMinimumSeverity();

    /** The same pseudonym at this many schools within the window escalates. */
    @WithDefault("2")
    int samePseudonymSchools();

    @WithDefault("P30D")
    Duration samePseudonymWindow();

    /** This many incidents in one district, across at least two schools, within the window escalate. */
    @WithDefault("3")
    int districtClusterIncidents();

    @WithDefault("P7D")
    Duration districtClusterWindow();
}
