package nl.rotterdam.schoolsafe.subsidy.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
import org.junit.jupiter.api.Test;

class AllocationTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-03T10:00:00Z");
    private static final Set<String> ON_LIST = Set.of("boor", "cvo");

    private static Allocation proposedRound() {
        Allocation round =
                Allocation.begin(UUID.randomUUID(), UUID.randomUUID(), AllocationMethod.URGENCY_ROUND, Map.of());
        round.propose(Map.of(), NOW);
        return round;
    }

    @Test
    void refusesToConfirmAJointListBeforeEveryBoardOnItAgreed() {
        Allocation round = proposedRound();
        round.answer("boor", true, null, ON_LIST, "b1", NOW);
        ProblemException waiting = assertThrows(ProblemException.class, () -> round.confirm("o", ON_LIST, NOW));
        assertEquals(List.of("cvo"), waiting.toProblem("x").context().get("waitingFor"));

        round.answer("cvo", false, "our location is missing", ON_LIST, "c1", NOW);
        ProblemException objected = assertThrows(ProblemException.class, () -> round.confirm("o", ON_LIST, NOW));
        assertEquals(List.of("cvo"), objected.toProblem("x").context().get("objectedBy"));

        round.answer("cvo", true, null, ON_LIST, "c1", NOW);
        round.confirm("o", ON_LIST, NOW);
        assertEquals(Allocation.Status.CONFIRMED, round.status());
    }

    @Test
    void aNewProposalAsksEveryBoardAgain() {
        Allocation round = proposedRound();
        round.answer("boor", true, null, ON_LIST, "b1", NOW);
        round.answer("cvo", true, null, ON_LIST, "c1", NOW);
        round.propose(Map.of(), NOW.plusMinutes(5));
        assertEquals(List.of(), round.agreements());
        assertThrows(ProblemException.class, () -> round.confirm("o", ON_LIST, NOW));
    }

    @Test
    void anObjectionNamesItsReasonAndOnlyBoardsOnTheListAnswer() {
        Allocation round = proposedRound();
        ProblemException noReason =
                assertThrows(ProblemException.class, () -> round.answer("cvo", false, " ", ON_LIST, "c1", NOW));
        assertEquals(400, noReason.status());
        ProblemException elsewhere =
                assertThrows(ProblemException.class, () -> round.answer("lmc", true, null, ON_LIST, "l1", NOW));
        assertEquals(409, elsewhere.status());
    }

    @Test
    void aFormulaIsConfirmedWithoutAgreement() {
        Allocation formula = Allocation.begin(UUID.randomUUID(), UUID.randomUUID(), AllocationMethod.FORMULA, Map.of());
        formula.propose(Map.of(), NOW);
        formula.confirm("o", ON_LIST, NOW);
        assertEquals(Allocation.Status.CONFIRMED, formula.status());
    }
}
