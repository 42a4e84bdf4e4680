package nl.rotterdam.schoolsafe.platform.change;

import nl.rotterdam.schoolsafe.platform.event.EventType;

/**
 * Something that happened to an aggregate, registered by the aggregate itself. The change pipeline
 * moves it to the outbox in the transaction of the change; {@link #payload()} is asked for then.
 */
public interface DomainEvent {
    EventType type();

    /** The Kafka key: the id of the aggregate whose events must stay in order. */
    String key();

    /** The wire payload, an instance of {@code type().payload()}. */
    Record payload();

    /** The topic it goes to: its type's, or for a partner stream type the partner's own stream. */
    default String topic() {
        return type().topic();
    }
}
