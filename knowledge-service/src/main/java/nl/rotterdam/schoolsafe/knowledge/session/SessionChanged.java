package nl.rotterdam.schoolsafe.knowledge.session;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.SessionEvent;

/** A session was scheduled, rescheduled or cancelled; the payload is the session as the change left it, seats included. */
record SessionChanged(EventType type, ExpertSession session) implements DomainEvent {

    @Override
    public String key() {
        return session.id().toString();
    }

    @Override
    public SessionEvent payload() {
        return new SessionEvent(
                session.id(),
                session.kind().name(),
                session.status().name(),
                session.startsAt(),
                session.endsAt(),
                session.registrationDeadline(),
                session.capacity(),
                session.confirmedSeats(),
                session.waitingList().size(),
                session.audiences().stream().map(Enum::name).toList());
    }
}
