package nl.rotterdam.schoolsafe.escalation.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.escalation.incident.Category;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentStatus;
import nl.rotterdam.schoolsafe.escalation.incident.LocationType;
import nl.rotterdam.schoolsafe.escalation.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;
import nl.rotterdam.schoolsafe.platform.event.EscalationEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.runtime.RegisteredEvents;
import org.junit.jupiter.api.Test;

class EscalationCaseTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00Z");

    static ReportedIncident incident(Category category, Severity severity) {
        return new ReportedIncident(
                UUID.randomUUID(),
                "30BR01",
                "delfshaven",
                LocationType.IN_SCHOOL,
                category,
                severity,
                IncidentStatus.REGISTERED,
                PoliceReportStatus.NONE,
                NOW.minusHours(1),
                List.of());
    }

    static Detected weapon() {
        return new Detected(
                incident(Category.WEAPON, Severity.HIGH),
                List.of(new RuleFired(DetectionRule.WEAPON_OR_CRITICAL, "weapon")));
    }

    static EscalationCase openCase() {
        EscalationCase opened = EscalationCase.open(weapon(), List.of(), Priority.CRITICAL, Duration.ofHours(1), NOW);
        RegisteredEvents.take(opened);
        return opened;
    }

    static List<EventType> registered(EscalationCase escalation) {
        return RegisteredEvents.take(escalation).stream().map(DomainEvent::type).toList();
    }

    @Test
    void theExpertAcknowledgesTriagesMonitorsAndClosesWithAnOutcome() {
        EscalationCase escalation = openCase();
        escalation.acknowledge("expert-1", NOW);
        escalation.triage(Priority.HIGH, "expert-1", NOW);
        escalation.recordEngagement("police", "POLICE_ACTION", "expert-1", NOW);
        escalation.monitor("expert-1", NOW);
        escalation.close("mediation held", "expert-1", NOW);
        assertEquals(CaseStatus.CLOSED, escalation.status());
        assertEquals(
                List.of("opened", "acknowledged", "triaged", "partner-engaged", "monitoring", "closed"),
                escalation.chronology().stream().map(CaseEntry::kind).toList());
    }

    @Test
    void eachStepRegistersWhatHappenedTheClosingOneThatItClosed() {
        EscalationCase escalation = openCase();
        escalation.acknowledge("expert-1", NOW);
        escalation.triage(Priority.HIGH, "expert-1", NOW);
        escalation.recordDecision("talk to both schools", "expert-1", NOW);
        assertEquals(
                List.of(EventType.ESCALATION_UPDATED, EventType.ESCALATION_UPDATED, EventType.ESCALATION_UPDATED),
                registered(escalation));
        escalation.close("mediation held", "expert-1", NOW);
        List<DomainEvent> closed = RegisteredEvents.take(escalation);
        assertEquals(
                List.of(EventType.ESCALATION_CLOSED),
                closed.stream().map(DomainEvent::type).toList());
        EscalationEvent payload = (EscalationEvent) closed.get(0).payload();
        assertEquals(escalation.id().toString(), closed.get(0).key());
        assertEquals("CLOSED", payload.status());
        assertEquals("HIGH", payload.priority());
        assertEquals(List.of(DetectionRule.WEAPON_OR_CRITICAL), payload.rules());
    }

    @Test
    void openingWithEarlierIncidentsIsOneOpeningAndLinkingIsOneUpdate() {
        Detected earlier = new Detected(
                incident(Category.BULLYING, Severity.HIGH),
                List.of(new RuleFired(DetectionRule.SAME_PSEUDONYM_AT_SCHOOLS, "an earlier incident")));
        Detected first = new Detected(
                incident(Category.BULLYING, Severity.LOW),
                List.of(new RuleFired(DetectionRule.SAME_PSEUDONYM_AT_SCHOOLS, "same")));
        EscalationCase escalation =
                EscalationCase.open(first, List.of(earlier), Priority.MEDIUM, Duration.ofHours(24), NOW);
        List<DomainEvent> opened = RegisteredEvents.take(escalation);
        assertEquals(
                List.of(EventType.ESCALATION_OPENED),
                opened.stream().map(DomainEvent::type).toList());
        EscalationEvent payload = (EscalationEvent) opened.get(0).payload();
        assertEquals(List.of(first.incident().incidentId(), earlier.incident().incidentId()), payload.incidentIds());
        assertEquals("HIGH", payload.priority(), "the more urgent earlier incident raised the priority");

        escalation.link(weapon(), List.of(), NOW);
        assertEquals(List.of(EventType.ESCALATION_UPDATED), registered(escalation));
        assertEquals(Priority.CRITICAL, escalation.priority());
    }

    @Test
    void aSchoolsRequestGoesInTheChronologyWithoutAnEvent() {
        EscalationCase escalation = openCase();
        escalation.recordSchoolRequest("coordinator", "it goes on online", NOW);
        assertEquals(List.of(), registered(escalation));
        assertEquals(
                "school-request",
                escalation.chronology().get(escalation.chronology().size() - 1).kind());
    }

    @Test
    void anIllegalStepIsRefusedNamingTheAllowedOnes() {
        EscalationCase escalation = openCase();
        ProblemException refused =
                assertThrows(ProblemException.class, () -> escalation.triage(Priority.HIGH, "e", NOW));
        assertEquals(409, refused.status());
        assertEquals("OPEN", refused.toProblem("/x").context().get("currentState"));
        escalation.acknowledge("e", NOW);
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> escalation.acknowledge("e2", NOW))
                        .status());
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> escalation.recordEngagement("police", "X", "e", NOW))
                        .status());
        assertEquals(List.of(EventType.ESCALATION_UPDATED), registered(escalation), "a refused step registers nothing");
    }

    @Test
    void anUnacknowledgedCaseIsFlaggedOverdueOnceAfterItsDeadline() {
        EscalationCase escalation = openCase();
        assertFalse(escalation.markOverdueIfLate(NOW.plusMinutes(59)));
        assertTrue(escalation.markOverdueIfLate(NOW.plusMinutes(61)));
        assertFalse(escalation.markOverdueIfLate(NOW.plusHours(5)), "announced once");
        assertTrue(escalation.overdue());
        assertEquals(List.of(EventType.ESCALATION_OVERDUE), registered(escalation));
    }

    @Test
    void anAcknowledgedCaseIsNeverOverdue() {
        EscalationCase escalation = openCase();
        escalation.acknowledge("e", NOW.plusMinutes(10));
        assertFalse(escalation.markOverdueIfLate(NOW.plusHours(3)));
    }
}
