package nl.rotterdam.schoolsafe.platform.inbox;

import io.cloudevents.CloudEvent;
import java.util.Set;

/**
 * A service's reaction to events of other services. The inbox calls {@link #handle} inside a
 * transaction that also records the event id, so a redelivered event has no second effect.
 */
public interface EventHandler {

    /** Stable consumer name; with the application name it forms the consumer group. */
    String name();

    Set<String> topics();

    /** Called in a transaction. Throw {@link UnprocessableEvent} for an event that can never be handled. */
    void handle(CloudEvent event);

    /** An event this handler will never be able to process: it is parked, not retried. */
    class UnprocessableEvent extends RuntimeException {
        public UnprocessableEvent(String reason, Throwable cause) {
            super(reason, cause);
        }

        public UnprocessableEvent(String reason) {
            super(reason);
        }
    }
}
