package nl.rotterdam.schoolsafe.escalation.detection;

import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionRulesTest {
    private final DetectionRules rules = new DetectionRules(EnumSet.allOf(Rule.class));

    static IncidentEvent incident(String locationType, String category, String severity, String... personSchools) {
        List<IncidentEvent.InvolvedPerson> persons = java.util.Arrays.stream(personSchools)
                .map(school -> new IncidentEvent.InvolvedPerson("ps-00000000000000000000000000000001", "SUSPECT", "STUDENT", school, true))
                .toList();
        return new IncidentEvent(UUID.randomUUID(), "30BR01", "delfshaven", locationType, category, severity,
                "REGISTERED", "NONE", OffsetDateTime.now(), persons);
    }

    private List<Rule> fired(IncidentEvent incident) {
        return rules.evaluate(incident).stream().map(RuleFired::rule).toList();
    }

    @Test
    void weaponEscalatesAtOnceWhateverItsSeverity() {
        assertEquals(List.of(Rule.WEAPON_OR_CRITICAL), fired(incident("IN_SCHOOL", "WEAPON", "LOW")));
    }

    @Test
    void criticalSeverityEscalatesAtOnceButHighInSchoolDoesNot() {
        assertEquals(List.of(Rule.WEAPON_OR_CRITICAL), fired(incident("IN_SCHOOL", "THREAT", "CRITICAL")));
        assertEquals(List.of(), fired(incident("IN_SCHOOL", "THREAT", "HIGH")));
    }

    @Test
    void involvedPersonOfAnotherSchoolFiresButOwnStudentsDoNot() {
        assertEquals(List.of(Rule.INVOLVED_PERSON_OF_OTHER_SCHOOL), fired(incident("IN_SCHOOL", "BULLYING", "LOW", "31CV01")));
        assertEquals(List.of(), fired(incident("IN_SCHOOL", "BULLYING", "LOW", "30BR01", null)));
    }

    @Test
    void outsideSchoolFiresFromMediumSeverityUp() {
        assertEquals(List.of(), fired(incident("PUBLIC_TRANSPORT", "THREAT", "LOW")));
        assertEquals(List.of(Rule.OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER), fired(incident("PUBLIC_TRANSPORT", "THREAT", "MEDIUM")));
        assertEquals(List.of(), fired(incident("IN_SCHOOL", "THREAT", "MEDIUM")));
    }

    @Test
    void aDisabledRuleNeverFires() {
        DetectionRules withoutWeapons = new DetectionRules(EnumSet.of(Rule.OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER));
        assertTrue(withoutWeapons.evaluate(incident("IN_SCHOOL", "WEAPON", "CRITICAL", "31CV01")).isEmpty());
    }

    @Test
    void explanationsCarryNoPseudonyms() {
        rules.evaluate(incident("NEIGHBOURHOOD", "WEAPON", "CRITICAL", "31CV01"))
                .forEach(f -> assertTrue(!f.explanation().contains("ps-"), f.explanation()));
    }
}
