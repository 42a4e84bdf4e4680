package nl.rotterdam.schoolsafe.escalation.detection;

import static nl.rotterdam.schoolsafe.escalation.incident.Category.BULLYING;
import static nl.rotterdam.schoolsafe.escalation.incident.Category.THREAT;
import static nl.rotterdam.schoolsafe.escalation.incident.Category.WEAPON;
import static nl.rotterdam.schoolsafe.escalation.incident.LocationType.IN_SCHOOL;
import static nl.rotterdam.schoolsafe.escalation.incident.LocationType.NEIGHBOURHOOD;
import static nl.rotterdam.schoolsafe.escalation.incident.LocationType.PUBLIC_TRANSPORT;
import static nl.rotterdam.schoolsafe.escalation.incident.Severity.CRITICAL;
import static nl.rotterdam.schoolsafe.escalation.incident.Severity.HIGH;
import static nl.rotterdam.schoolsafe.escalation.incident.Severity.LOW;
import static nl.rotterdam.schoolsafe.escalation.incident.Severity.MEDIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.incident.Category;
import nl.rotterdam.schoolsafe.escalation.incident.History;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentStatus;
import nl.rotterdam.schoolsafe.escalation.incident.LocationType;
import nl.rotterdam.schoolsafe.escalation.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;
import org.junit.jupiter.api.Test;

class DetectionRulesTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00Z");
    private static final String STUDENT = "ps-0123456789abcdef0123456789abcdef";

    record Config(Set<DetectionRule> enabled) implements RulesConfig {
        public Severity outsideSchoolMinimumSeverity() {
            return Severity.MEDIUM;
        }

        public int samePseudonymSchools() {
            return 2;
        }

        public Duration samePseudonymWindow() {
            return Duration.ofDays(30);
        }

        public int districtClusterIncidents() {
            return 3;
        }

        public Duration districtClusterWindow() {
            return Duration.ofDays(7);
        }
    }

    /** The past as a list of incidents, standing in for the projection. */
    static final class Past implements History {
        final List<ReportedIncident> incidents = new ArrayList<>();

        public Map<UUID, String> incidentsOfPseudonym(String pseudonym, OffsetDateTime from, OffsetDateTime to) {
            Map<UUID, String> found = new HashMap<>();
            incidents.stream()
                    .filter(i ->
                            !i.occurredAt().isBefore(from) && !i.occurredAt().isAfter(to))
                    .filter(i -> i.involvedPersons().stream().anyMatch(p -> pseudonym.equals(p.pseudonym())))
                    .forEach(i -> found.put(i.incidentId(), i.schoolLocationId()));
            return found;
        }

        public DistrictWindow districtWindow(String district, OffsetDateTime from, OffsetDateTime to) {
            List<ReportedIncident> window = incidents.stream()
                    .filter(i -> i.district().equals(district)
                            && !i.occurredAt().isBefore(from)
                            && !i.occurredAt().isAfter(to))
                    .toList();
            return new DistrictWindow(
                    window.size(),
                    window.stream()
                            .map(ReportedIncident::schoolLocationId)
                            .distinct()
                            .count());
        }
    }

    private final DetectionRules rules = new DetectionRules(new Config(EnumSet.allOf(DetectionRule.class)));
    private final Past past = new Past();

    static ReportedIncident incident(
            String school,
            String district,
            OffsetDateTime at,
            LocationType locationType,
            Category category,
            Severity severity,
            String... personSchools) {
        List<ReportedIncident.Person> persons = Arrays.stream(personSchools)
                .map(s -> new ReportedIncident.Person(
                        STUDENT, ReportedIncident.Person.Role.SUSPECT, ReportedIncident.Person.Kind.STUDENT, s, true))
                .toList();
        return new ReportedIncident(
                UUID.randomUUID(),
                school,
                district,
                locationType,
                category,
                severity,
                IncidentStatus.REGISTERED,
                PoliceReportStatus.NONE,
                at,
                persons);
    }

    static ReportedIncident quiet(String school, String district, OffsetDateTime at) {
        return incident(school, district, at, IN_SCHOOL, BULLYING, LOW);
    }

    private List<DetectionRule> fired(ReportedIncident incident) {
        past.incidents.add(incident);
        return rules.evaluate(incident, past).stream().map(RuleFired::rule).toList();
    }

    @Test
    void weaponEscalatesAtOnceWhateverItsSeverity() {
        assertEquals(
                List.of(DetectionRule.WEAPON_OR_CRITICAL),
                fired(incident("30BR01", "delfshaven", NOW, IN_SCHOOL, WEAPON, LOW)));
    }

    @Test
    void criticalSeverityEscalatesAtOnceButHighInSchoolDoesNot() {
        assertEquals(
                List.of(DetectionRule.WEAPON_OR_CRITICAL),
                fired(incident("30BR01", "delfshaven", NOW, IN_SCHOOL, THREAT, CRITICAL)));
        assertEquals(List.of(), fired(incident("30BR01", "noord", NOW, IN_SCHOOL, THREAT, HIGH)));
    }

    @Test
    void involvedPersonOfAnotherSchoolFiresButOwnStudentsDoNot() {
        assertTrue(fired(incident("30BR01", "delfshaven", NOW, IN_SCHOOL, BULLYING, LOW, "31CV01"))
                .contains(DetectionRule.INVOLVED_PERSON_OF_OTHER_SCHOOL));
        assertEquals(
                List.of(),
                fired(incident("30BR01", "delfshaven", NOW.plusDays(60), IN_SCHOOL, BULLYING, LOW, "30BR01")));
    }

    @Test
    void outsideSchoolFiresFromMediumSeverityUp() {
        assertEquals(List.of(), fired(incident("30BR01", "a", NOW, PUBLIC_TRANSPORT, THREAT, LOW)));
        assertEquals(
                List.of(DetectionRule.OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER),
                fired(incident("30BR01", "b", NOW, PUBLIC_TRANSPORT, THREAT, MEDIUM)));
        assertEquals(List.of(), fired(incident("30BR01", "c", NOW, IN_SCHOOL, THREAT, MEDIUM)));
    }

    @Test
    void theSamePseudonymAtTwoSchoolsWithinTheWindowFires() {
        assertEquals(List.of(), fired(incident("30BR01", "delfshaven", NOW, IN_SCHOOL, BULLYING, LOW, "30BR01")));
        assertEquals(
                List.of(DetectionRule.SAME_PSEUDONYM_AT_SCHOOLS),
                fired(incident("31CV01", "noord", NOW.plusDays(29), IN_SCHOOL, BULLYING, LOW, "31CV01")));
    }

    @Test
    void theSamePseudonymRuleNamesTheEarlierIncidentsAtOtherSchools() {
        ReportedIncident first = incident("30BR01", "delfshaven", NOW, IN_SCHOOL, BULLYING, LOW, "30BR01");
        ReportedIncident tooEarly =
                incident("32LM01", "feijenoord", NOW.minusDays(40), IN_SCHOOL, BULLYING, LOW, "32LM01");
        past.incidents.add(tooEarly);
        fired(first);
        ReportedIncident second = incident("31CV01", "noord", NOW.plusDays(10), IN_SCHOOL, BULLYING, LOW, "31CV01");
        past.incidents.add(second);
        RuleFired firing = rules.evaluate(second, past).get(0);
        assertEquals(
                List.of(first.incidentId()),
                firing.related(),
                "the earlier one within the window, not itself nor one outside");
    }

    @Test
    void theSamePseudonymAtTwoSchoolsOutsideTheWindowDoesNot() {
        assertEquals(List.of(), fired(incident("30BR01", "delfshaven", NOW, IN_SCHOOL, BULLYING, LOW, "30BR01")));
        assertEquals(
                List.of(), fired(incident("31CV01", "noord", NOW.plusDays(31), IN_SCHOOL, BULLYING, LOW, "31CV01")));
    }

    @Test
    void threeIncidentsInADistrictAcrossSchoolsWithinAWeekFireTwoDoNot() {
        assertEquals(List.of(), fired(quiet("30BR01", "charlois", NOW)));
        assertEquals(List.of(), fired(quiet("25AL01", "charlois", NOW.plusDays(2))));
        assertEquals(List.of(DetectionRule.DISTRICT_CLUSTER), fired(quiet("30BR02", "charlois", NOW.plusDays(6))));
    }

    @Test
    void threeIncidentsAtOneSchoolAreNoCluster() {
        fired(quiet("30BR01", "overschie", NOW));
        fired(quiet("30BR01", "overschie", NOW.plusDays(1)));
        assertEquals(List.of(), fired(quiet("30BR01", "overschie", NOW.plusDays(2))));
    }

    @Test
    void aDisabledRuleNeverFires() {
        DetectionRules onlyOutside =
                new DetectionRules(new Config(EnumSet.of(DetectionRule.OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER)));
        ReportedIncident weapon = incident("30BR01", "delfshaven", NOW, IN_SCHOOL, WEAPON, CRITICAL, "31CV01");
        past.incidents.add(weapon);
        assertTrue(onlyOutside.evaluate(weapon, past).isEmpty());
    }

    @Test
    void explanationsCarryNoPseudonyms() {
        ReportedIncident incident = incident("30BR01", "delfshaven", NOW, NEIGHBOURHOOD, WEAPON, CRITICAL, "31CV01");
        past.incidents.add(incident);
        rules.evaluate(incident, past).forEach(f -> assertTrue(!f.explanation().contains("ps-"), f.explanation()));
    }
}
