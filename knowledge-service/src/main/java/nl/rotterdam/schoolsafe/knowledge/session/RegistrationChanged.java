package nl.rotterdam.schoolsafe.knowledge.session;

import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.RegistrationChangedEvent;

/**
 * A registration was made, cancelled, moved up into a seat or moved on the waiting list. It keeps the
 * figures of the moment it happened: a cancellation and the promotion it causes each tell their own seats.
 */
record RegistrationChanged(
        UUID sessionId,
        UUID registrationId,
        String schoolLocationId,
        Change change,
        Registration.Status status,
        Integer waitingPosition,
        int confirmedSeats,
        int capacity,
        OffsetDateTime changedAt)
        implements DomainEvent {

    enum Change {
        REGISTERED,
        CANCELLED,
        PROMOTED,
        PRIORITY_CHANGED
    }

    static RegistrationChanged of(ExpertSession session, Registration registration, Change change, OffsetDateTime now) {
        return new RegistrationChanged(
                session.id(),
                registration.id,
                registration.schoolLocationId,
                change,
                registration.status,
                session.waitingPosition(registration),
                session.confirmedSeats(),
                session.capacity(),
                now);
    }

    @Override
    public EventType type() {
        return EventType.KNOWLEDGE_REGISTRATION_CHANGED;
    }

    @Override
    public String key() {
        return sessionId.toString();
    }

    @Override
    public RegistrationChangedEvent payload() {
        return new RegistrationChangedEvent(
                sessionId,
                registrationId,
                schoolLocationId,
                change.name(),
                status.name(),
                waitingPosition,
                confirmedSeats,
                capacity,
                changedAt);
    }
}
