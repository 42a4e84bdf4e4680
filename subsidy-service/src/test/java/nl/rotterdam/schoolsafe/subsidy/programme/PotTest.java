package nl.rotterdam.schoolsafe.subsidy.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.PotExhaustedEvent;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.runtime.RegisteredEvents;
import org.junit.jupiter.api.Test;

class PotTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00+01:00");

    /** A pot as it is before its funding arrives: the database has not yet moved its balance above zero. */
    private static Pot emptyPot() {
        return Programme.start(
                        "2026-2027",
                        "Agressie en seksuele weerbaarheid",
                        AllocationMethod.URGENCY_ROUND,
                        1_000_000,
                        Set.of(),
                        NOW)
                .fund(PotSector.MBO, 8_000_000);
    }

    @Test
    void anExhaustedPotIsAnnouncedOnceWithItsProgrammeAndSector() {
        Pot pot = emptyPot();
        pot.markExhausted(NOW);
        List<DomainEvent> registered = RegisteredEvents.take(pot);
        assertEquals(
                List.of(EventType.SUBSIDY_POT_EXHAUSTED),
                registered.stream().map(DomainEvent::type).toList());
        assertEquals(pot.id().toString(), registered.get(0).key());
        assertEquals(
                new PotExhaustedEvent(pot.id(), pot.programme().id(), "2026-2027", "MBO", 8_000_000, NOW),
                registered.get(0).payload());
        assertEquals(NOW, pot.exhaustedAt());

        pot.markExhausted(NOW.plusDays(1));
        assertEquals(List.of(), RegisteredEvents.take(pot), "a pot that runs empty again is not announced again");
        assertEquals(NOW, pot.exhaustedAt());
    }

    @Test
    void aProgrammeHasOnePotPerSector() {
        Programme programme = Programme.start("2026-2027", "Agressie", AllocationMethod.FORMULA, 0, Set.of(), NOW);
        programme.fund(PotSector.VO, 100);
        ProblemException refused = assertThrows(ProblemException.class, () -> programme.fund(PotSector.VO, 200));
        assertEquals("pots", refused.toProblem("/x").errors().get(0).field());
        assertEquals(1, programme.pots().size());
    }

    @Test
    void theQualityBudgetsPotServesPoVoSoAndVsoSoNoOtherPotMayServeThemToo() {
        Programme quality =
                Programme.start("2026-2027", "Kwaliteitsbudget", AllocationMethod.FORMULA, 0, Set.of(), NOW);
        Pot pot = quality.fund(PotSector.PO_VO_SO_VSO, 100);
        for (String sector : List.of("PO", "VO", "SO", "VSO")) {
            assertEquals(pot, quality.potFor(sector).orElseThrow(), sector);
        }
        assertTrue(quality.potFor("MBO").isEmpty());
        ProblemException refused = assertThrows(ProblemException.class, () -> quality.fund(PotSector.VO, 200));
        assertTrue(refused.toProblem("/x").errors().get(0).message().contains("overlaps PO_VO_SO_VSO"));
        quality.fund(PotSector.MBO, 300);
        assertEquals(2, quality.pots().size());
    }
}
