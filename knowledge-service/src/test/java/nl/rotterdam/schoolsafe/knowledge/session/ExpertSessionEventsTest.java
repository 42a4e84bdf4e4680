package nl.rotterdam.schoolsafe.knowledge.session;

import static nl.rotterdam.schoolsafe.knowledge.session.ExpertSessionTest.NOW;
import static nl.rotterdam.schoolsafe.knowledge.session.ExpertSessionTest.details;
import static nl.rotterdam.schoolsafe.knowledge.session.ExpertSessionTest.session;
import static nl.rotterdam.schoolsafe.runtime.RegisteredEvents.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.RegistrationChangedEvent;
import nl.rotterdam.schoolsafe.platform.event.SessionEvent;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The intentions register the event that happened, keyed by the session, with the payload the topic carries. */
class ExpertSessionEventsTest {

    @Test
    void schedulingReschedulingAndCancellingEachRegisterTheirOwnType() {
        ExpertSession session = session(2);
        assertEquals(List.of(EventType.KNOWLEDGE_SESSION_SCHEDULED), types(take(session)));
        session.reschedule(details(4), NOW);
        List<DomainEvent> rescheduled = take(session);
        assertEquals(List.of(EventType.KNOWLEDGE_SESSION_RESCHEDULED), types(rescheduled));
        assertEquals(session.id().toString(), rescheduled.get(0).key());
        assertEquals(4, ((SessionEvent) rescheduled.get(0).payload()).capacity());
        session.cancel();
        List<DomainEvent> cancelled = take(session);
        assertEquals(List.of(EventType.KNOWLEDGE_SESSION_CANCELLED), types(cancelled));
        assertEquals("CANCELLED", ((SessionEvent) cancelled.get(0).payload()).status());
    }

    @Test
    void aRefusedIntentionRegistersNothing() {
        ExpertSession session = session(1);
        session.cancel();
        take(session);
        assertThrows(ProblemException.class, session::cancel);
        assertThrows(ProblemException.class, () -> session.register("a", "30BR01", NOW));
        assertEquals(List.of(), take(session));
    }

    @Test
    void aCancellationAndThePromotionItCausesEachTellTheirOwnSeats() {
        ExpertSession session = session(1);
        take(session);
        Registration first = session.register("a", "30BR01", NOW);
        Registration second = session.register("b", "31CV01", NOW);
        List<RegistrationChangedEvent> registered = payloads(take(session));
        assertEquals(
                List.of("REGISTERED", "REGISTERED"),
                registered.stream().map(RegistrationChangedEvent::change).toList());
        assertEquals(1, registered.get(1).waitingPosition());

        session.withdraw(first.id, NOW);
        session.fillFreeSeats(NOW);
        List<DomainEvent> events = take(session);
        assertEquals(
                List.of(EventType.KNOWLEDGE_REGISTRATION_CHANGED, EventType.KNOWLEDGE_REGISTRATION_CHANGED),
                types(events));
        events.forEach(e -> assertEquals(session.id().toString(), e.key()));
        List<RegistrationChangedEvent> changes = payloads(events);
        assertEquals(
                List.of("CANCELLED", "PROMOTED"),
                changes.stream().map(RegistrationChangedEvent::change).toList());
        assertEquals(
                List.of(first.id, second.id),
                changes.stream().map(RegistrationChangedEvent::registrationId).toList());
        assertEquals(
                List.of(0, 1),
                changes.stream().map(RegistrationChangedEvent::confirmedSeats).toList());
        assertEquals("31CV01", changes.get(1).schoolLocationId());
        assertNull(changes.get(1).waitingPosition());
    }

    @Test
    void aMoveOnTheWaitingListTellsTheNewPlace() {
        ExpertSession session = session(1);
        session.register("a", "30BR01", NOW);
        session.register("b", "30BR01", NOW);
        Registration c = session.register("c", "30BR01", NOW);
        take(session);
        session.moveOnWaitingList(c.id, 1, NOW);
        List<RegistrationChangedEvent> moved = payloads(take(session));
        assertEquals(1, moved.size());
        assertEquals("PRIORITY_CHANGED", moved.get(0).change());
        assertEquals(c.id, moved.get(0).registrationId());
        assertEquals(1, moved.get(0).waitingPosition());
    }

    private static List<EventType> types(List<DomainEvent> events) {
        return events.stream().map(DomainEvent::type).toList();
    }

    private static List<RegistrationChangedEvent> payloads(List<DomainEvent> events) {
        return events.stream().map(e -> (RegistrationChangedEvent) e.payload()).toList();
    }
}
