package nl.rotterdam.schoolsafe.escalation.escalation;

import nl.rotterdam.schoolsafe.escalation.detection.Rule;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscalationCaseTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00Z");

    static EscalationCase openCase() {
        IncidentEvent incident = new IncidentEvent(UUID.randomUUID(), "30BR01", "delfshaven", "IN_SCHOOL", "WEAPON", "HIGH",
                "REGISTERED", "NONE", NOW.minusHours(1), List.of());
        return EscalationCase.open(incident, List.of(new RuleFired(Rule.WEAPON_OR_CRITICAL, "weapon")), Duration.ofHours(1),
                Priority.CRITICAL, NOW);
    }

    @Test
    void theExpertAcknowledgesTriagesMonitorsAndClosesWithAnOutcome() {
        EscalationCase escalation = openCase();
        escalation.acknowledge("expert-1", NOW);
        escalation.triage(Priority.HIGH, "expert-1", NOW);
        escalation.recordEngagement("police", "POLICE_ACTION", "expert-1", NOW);
        escalation.monitor("expert-1", NOW);
        escalation.close("mediation held", "expert-1", NOW);
        assertEquals(CaseStatus.CLOSED, escalation.status);
        assertEquals(List.of("opened", "acknowledged", "triaged", "partner-engaged", "monitoring", "closed"),
                escalation.chronology.stream().map(e -> e.kind).toList());
    }

    @Test
    void anIllegalStepIsRefusedNamingTheAllowedOnes() {
        EscalationCase escalation = openCase();
        ProblemException refused = assertThrows(ProblemException.class, () -> escalation.triage(Priority.HIGH, "e", NOW));
        assertEquals(409, refused.status());
        assertEquals("OPEN", refused.toProblem("/x").context().get("currentState"));
        escalation.acknowledge("e", NOW);
        assertEquals(409, assertThrows(ProblemException.class, () -> escalation.acknowledge("e2", NOW)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> escalation.recordEngagement("police", "X", "e", NOW)).status());
    }

    @Test
    void anUnacknowledgedCaseIsFlaggedOverdueOnceAfterItsDeadline() {
        EscalationCase escalation = openCase();
        assertFalse(escalation.markOverdueIfLate(NOW.plusMinutes(59)));
        assertTrue(escalation.markOverdueIfLate(NOW.plusMinutes(61)));
        assertFalse(escalation.markOverdueIfLate(NOW.plusHours(5)), "announced once");
        assertTrue(escalation.overdue);
    }

    @Test
    void anAcknowledgedCaseIsNeverOverdue() {
        EscalationCase escalation = openCase();
        escalation.acknowledge("e", NOW.plusMinutes(10));
        assertFalse(escalation.markOverdueIfLate(NOW.plusHours(3)));
    }
}
