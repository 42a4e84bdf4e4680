package nl.rotterdam.schoolsafe.knowledge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.rotterdam.schoolsafe.knowledge.catalog.Audience;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ExpertSessionTest {
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.ofHours(1));

    static ExpertSession.Details details(int capacity) {
        return new ExpertSession.Details(
                ExpertSession.Kind.CITY_MARINE_KNOWLEDGE,
                "Kennissessie",
                null,
                "Stadsmarinier",
                NOW.plusDays(10),
                NOW.plusDays(10).plusHours(2),
                null,
                "https://meet.example.nl/s",
                capacity,
                List.of(Audience.TEAMS),
                NOW.plusDays(9));
    }

    static ExpertSession session(int capacity) {
        return ExpertSession.schedule(details(capacity), "organiser", NOW);
    }

    @Test
    void confirmsWhileSeatsRemainThenQueuesInArrivalOrder() {
        ExpertSession session = session(2);
        Registration a = session.register("a", "30BR01", NOW);
        Registration b = session.register("b", "30BR01", NOW);
        Registration c = session.register("c", "30BR01", NOW);
        Registration d = session.register("d", "31CV01", NOW);
        assertEquals(
                List.of(
                        Registration.Status.CONFIRMED,
                        Registration.Status.CONFIRMED,
                        Registration.Status.WAITING,
                        Registration.Status.WAITING),
                List.of(a.status, b.status, c.status, d.status));
        assertEquals(List.of(c, d), session.waitingList());
        assertEquals(1, session.waitingPosition(c));
        assertEquals(2, session.waitingPosition(d));
        assertNull(session.waitingPosition(a));
    }

    @Test
    void aWithdrawnSeatGoesToTheFirstWaitingOnly() {
        ExpertSession session = session(1);
        Registration a = session.register("a", "30BR01", NOW);
        Registration b = session.register("b", "30BR01", NOW);
        Registration c = session.register("c", "30BR01", NOW);
        session.withdraw(a.id, NOW);
        List<Registration> promoted = session.fillFreeSeats(NOW);
        assertEquals(List.of(b), promoted);
        assertEquals(Registration.Status.CONFIRMED, b.status);
        assertEquals(Registration.Status.WAITING, c.status);
        assertEquals(1, session.confirmedSeats());
    }

    @Test
    void onePersonHoldsOneLiveRegistrationButMayRegisterAgainAfterCancelling() {
        ExpertSession session = session(5);
        Registration first = session.register("a", "30BR01", NOW);
        ProblemException twice = assertThrows(ProblemException.class, () -> session.register("a", "30BR01", NOW));
        assertEquals(409, twice.status());
        session.withdraw(first.id, NOW);
        assertEquals(Registration.Status.CONFIRMED, session.register("a", "30BR01", NOW).status);
    }

    @Test
    void refusesRegistrationAfterTheDeadlineOnceStartedAndWhenCancelled() {
        ExpertSession session = session(5);
        assertEquals(
                "registration-closed",
                slug(assertThrows(
                        ProblemException.class,
                        () -> session.register("a", "30BR01", NOW.plusDays(9).plusMinutes(1)))));
        assertEquals(
                "session-past",
                slug(assertThrows(ProblemException.class, () -> session.register("a", "30BR01", NOW.plusDays(11)))));
        session.cancel();
        assertEquals(
                "session-cancelled",
                slug(assertThrows(ProblemException.class, () -> session.register("a", "30BR01", NOW))));
    }

    @Test
    void capacityBelowTheConfirmedSeatsIsRefusedWithBothNumbers() {
        ExpertSession session = session(3);
        for (String who : List.of("a", "b", "c")) {
            session.register(who, "30BR01", NOW);
        }
        ProblemException refused = assertThrows(ProblemException.class, () -> session.reschedule(details(2), NOW));
        assertEquals(409, refused.status());
        assertEquals(2, refused.toProblem("/x").context().get("requestedCapacity"));
        assertEquals(3, refused.toProblem("/x").context().get("confirmedSeats"));
        assertEquals(3, session.capacity());
    }

    @Test
    void moreCapacityMovesTheWaitingListUpInOrder() {
        ExpertSession session = session(1);
        session.register("a", "30BR01", NOW);
        Registration b = session.register("b", "30BR01", NOW);
        Registration c = session.register("c", "30BR01", NOW);
        Registration d = session.register("d", "30BR01", NOW);
        session.reschedule(details(3), NOW);
        assertEquals(List.of(b, c), session.fillFreeSeats(NOW));
        assertEquals(List.of(d), session.waitingList());
    }

    @Test
    void theOrganiserMovesAWaitingRegistrationAndTheOthersKeepTheirOrder() {
        ExpertSession session = session(1);
        session.register("a", "30BR01", NOW);
        Registration b = session.register("b", "30BR01", NOW);
        Registration c = session.register("c", "30BR01", NOW);
        Registration d = session.register("d", "30BR01", NOW);
        assertEquals(3, session.waitingPosition(d));
        session.moveOnWaitingList(d.id, 1, NOW);
        assertEquals(List.of(d, b, c), session.waitingList());
        ProblemException outOfRange =
                assertThrows(ProblemException.class, () -> session.moveOnWaitingList(b.id, 4, NOW));
        assertEquals(400, outOfRange.status());
    }

    @Test
    void aSessionNeedsAFutureStartAnEndAfterItAndAPlaceListingEveryBadField() {
        ExpertSession.Details bad = new ExpertSession.Details(
                ExpertSession.Kind.OTHER,
                "x",
                null,
                "y",
                NOW.minusDays(1),
                NOW.minusDays(2),
                null,
                null,
                10,
                List.of(Audience.TEACHERS),
                NOW);
        ProblemException invalid = assertThrows(ProblemException.class, () -> ExpertSession.schedule(bad, "o", NOW));
        List<String> fields =
                invalid.toProblem("/x").errors().stream().map(e -> e.field()).toList();
        assertTrue(
                fields.containsAll(List.of("startsAt", "endsAt", "registrationDeadline", "place")), fields.toString());
    }

    private static String slug(ProblemException e) {
        return e.toProblem("/x").type().toString().replaceAll(".*/", "");
    }
}
