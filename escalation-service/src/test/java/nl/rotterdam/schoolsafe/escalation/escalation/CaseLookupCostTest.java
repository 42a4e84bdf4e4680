package nl.rotterdam.schoolsafe.escalation.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.StatementCounter;
import nl.rotterdam.schoolsafe.escalation.incident.Category;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentStatus;
import nl.rotterdam.schoolsafe.escalation.incident.LocationType;
import nl.rotterdam.schoolsafe.escalation.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Deciding where an incident belongs costs the same number of statements with 10 or 500 open cases in its district
 * (issue #22), counted on the real database; the control shows the count does see per-case work.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "escalation"))
class CaseLookupCostTest {
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.of(2020, 1, 6, 10, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    EscalationService escalations;

    @Inject
    EntityManager entityManager;

    @Test
    void linksAStudentsIncidentToItsCaseWithAsManyStatementsWhateverTheNumberOfOpenCases() throws Exception {
        String district = "lookup-" + UUID.randomUUID();
        openCases(district, 0, 10);
        StatementCounter.Counted<Optional<EscalationCase>> few = linkAnotherIncidentOf(district, 3);
        openCases(district, 10, 500);
        StatementCounter.Counted<Optional<EscalationCase>> many = linkAnotherIncidentOf(district, 7);

        System.out.printf(
                "[case look-up] %d statements with 10 open cases, %d with 500:%n  %s%n",
                few.statements().size(), many.statements().size(), String.join("\n  ", many.statements()));
        assertTrue(few.result().isPresent() && many.result().isPresent(), "both incidents joined a case");
        assertEquals(2, many.result().get().incidentIds().size(), "the pupil's case took the new incident");
        assertEquals(at(7), many.result().get().openedAt().toInstant().atOffset(ZoneOffset.UTC));
        assertEquals(
                few.statements().size(),
                many.statements().size(),
                "statements with 10 open cases " + few.statements() + "\nwith 500 " + many.statements());
        assertTrue(few.statements().size() > 3, "the counter saw the decision's statements: " + few.statements());
    }

    @Test
    void theCounterSeesWorkThatGrowsWithTheOpenCases() throws Exception {
        String district = "control-" + UUID.randomUUID();
        openCases(district, 0, 10);
        int few = readEveryOpenCasesIncidents(district);
        openCases(district, 10, 500);
        int many = readEveryOpenCasesIncidents(district);
        System.out.printf("[case look-up control] scanning the cases: %d statements with 10, %d with 500%n", few, many);
        assertTrue(many > few, "scanning the cases as before #22 grows: " + few + " → " + many + " statements");
    }

    /** A critical incident of the n-th case's pupil at another school: it joins that pupil's open case. */
    private StatementCounter.Counted<Optional<EscalationCase>> linkAnotherIncidentOf(String district, int n)
            throws Exception {
        ReportedIncident incident = new ReportedIncident(
                UUID.randomUUID(),
                "OTHER01",
                district,
                LocationType.IN_SCHOOL,
                Category.PHYSICAL_VIOLENCE,
                Severity.CRITICAL,
                IncidentStatus.REGISTERED,
                PoliceReportStatus.NONE,
                at(n).plusHours(1),
                List.of(new ReportedIncident.Person(
                        pupil(district, n),
                        ReportedIncident.Person.Role.SUSPECT,
                        ReportedIncident.Person.Kind.STUDENT,
                        "OTHER01",
                        true)));
        return QuarkusTransaction.requiringNew()
                .call(() -> StatementCounter.during(() -> {
                    Optional<EscalationCase> linked = escalations.consider(incident);
                    entityManager.flush();
                    return linked;
                }));
    }

    private int readEveryOpenCasesIncidents(String district) throws Exception {
        return QuarkusTransaction.requiringNew()
                .call(() -> StatementCounter.during(() -> {
                    entityManager.clear();
                    return EscalationCase.<EscalationCase>list("districtId = ?1", district).stream()
                            .mapToInt(c -> c.incidentIds().size() + c.rules().size())
                            .sum();
                }))
                .statements()
                .size();
    }

    /** The n-th seeded case's incident and opening: 30 days apart, so no window holds two pupils. */
    private static OffsetDateTime at(int n) {
        return LONG_AGO.plusHours(720L * n);
    }

    private static String pupil(String district, int n) {
        return "ps-" + district + "-" + n;
    }

    /** Open cases {@code from}…{@code to - 1} of the district, each linking one incident of its own pupil, 30 days apart. */
    private void openCases(String district, int from, int to) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("""
                                WITH seeded AS (
                                  SELECT md5(?1 || '-incident-' || g)::uuid AS incident_id, md5(?1 || '-case-' || g)::uuid AS case_id,
                                         'ps-' || ?1 || '-' || g AS pseudonym, CAST(?4 AS timestamptz) + g * interval '720 hours' AS at
                                  FROM generate_series(?2, ?3 - 1) g),
                                incidents AS (
                                  INSERT INTO incident_seen (incident_id, school_location_id, district_id, location_type, category,
                                                             severity, status, police_report_status, occurred_at)
                                  SELECT incident_id, 'SEED01', ?1, 'IN_SCHOOL', 'BULLYING', 'HIGH', 'REGISTERED', 'NONE', at
                                  FROM seeded),
                                persons AS (
                                  INSERT INTO incident_person_seen (incident_id, position, pseudonym, role, kind, school_location_id, minor)
                                  SELECT incident_id, 0, pseudonym, 'SUSPECT', 'STUDENT', 'SEED01', true FROM seeded),
                                cases AS (
                                  INSERT INTO escalation_case (id, district_id, status, priority, opened_at, response_due_at, version)
                                  SELECT case_id, ?1, 'OPEN', 'HIGH', at, at + interval '3 days', 0 FROM seeded),
                                links AS (
                                  INSERT INTO case_incident (incident_id, case_id, position, school_location_id, category, severity,
                                                             occurred_at, linked_at)
                                  SELECT incident_id, case_id, 0, 'SEED01', 'BULLYING', 'HIGH', at, at FROM seeded)
                                INSERT INTO rule_firing (case_id, position, incident_id, rule, explanation, fired_at)
                                SELECT case_id, 0, incident_id, 'OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER', 'seeded', at FROM seeded""")
                        .setParameter(1, district)
                        .setParameter(2, from)
                        .setParameter(3, to)
                        .setParameter(4, LONG_AGO)
                        .executeUpdate());
    }
}
