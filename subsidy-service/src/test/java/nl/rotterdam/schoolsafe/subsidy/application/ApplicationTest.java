package nl.rotterdam.schoolsafe.subsidy.application;

import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;
import nl.rotterdam.schoolsafe.subsidy.programme.Theme;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00+01:00");

    private static Application application(long cents) {
        return Application.submit(new Application.Request(UUID.randomUUID(), UUID.randomUUID(), "boor", "30BR01", Theme.AGGRESSION,
                Category.EXTRA_SECURITY, cents, "Extra security at the gate."), "board-officer", NOW);
    }

    @Test
    void refusesACategoryTheThemeDoesNotAllow() {
        ProblemException refused = assertThrows(ProblemException.class, () -> new Application.Request(UUID.randomUUID(), UUID.randomUUID(),
                "boor", "30BR01", Theme.SEXUAL_RESILIENCE, Category.EXTRA_SECURITY, 100, "plan"));
        assertEquals("category", refused.toProblem("/x").errors().get(0).field());
    }

    @Test
    void aPartialGrantNeedsAReasonAndASettlementReturnsTheDifference() {
        Application application = application(500_000);
        assertThrows(ProblemException.class, () -> application.approve(400_000, " ", "officer-1", false, NOW));
        assertTrue(application.approve(400_000, "security hours partly covered by the board", "officer-1", false, NOW));
        assertEquals(Application.Outcome.PARTLY_APPROVED, application.outcome().orElseThrow());
        assertEquals(150_000, application.settle(250_000, NOW));
        assertEquals(ApplicationStatus.SETTLED, application.status);
    }

    @Test
    void aLargeGrantWaitsForASecondOfficerWhoCannotBeTheFirst() {
        Application application = application(2_000_000);
        assertFalse(application.approve(2_000_000, null, "officer-1", true, NOW));
        assertEquals(ApplicationStatus.AWAITING_SECOND_APPROVAL, application.status);
        ProblemException refused = assertThrows(ProblemException.class, () -> application.confirmAsSecondApprover("officer-1", NOW));
        assertEquals(409, refused.toProblem("/x").status());
        application.confirmAsSecondApprover("officer-2", NOW);
        assertEquals(ApplicationStatus.GRANTED, application.status);
        assertEquals("officer-1", application.decidedBy);
        assertEquals("officer-2", application.secondApprover);
    }

    @Test
    void aDecidedApplicationCannotBeDecidedAgainNorSettledAboveItsGrant() {
        Application application = application(100_000);
        application.reject("not within the plan's categories", "officer-1", NOW);
        ProblemException again = assertThrows(ProblemException.class, () -> application.approve(100_000, null, "officer-2", false, NOW));
        assertEquals("REJECTED", again.toProblem("/x").context().get("currentState"));
        Application granted = application(100_000);
        granted.approve(100_000, null, "officer-1", false, NOW);
        assertThrows(ProblemException.class, () -> granted.settle(100_001, NOW));
    }
}
