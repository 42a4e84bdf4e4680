package nl.rotterdam.schoolsafe.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.tracing.TraceContext;

/**
 * Records an event in the caller's transaction. The relay publishes it once that transaction
 * commits; if it rolls back, the event never existed.
 */
@ApplicationScoped
public class Outbox {
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;
    private final TraceContext trace;

    Outbox(ObjectMapper json, Event<OutboxWritten> written, TraceContext trace) {
        this.json = json;
        this.written = written;
        this.trace = trace;
    }

    /** Called by the change pipeline ({@code platform.change.Changes}) only; services register events on their aggregates. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventType type, String topic, String key, Record payload) {
        if (type.partnerStream() ? !topic.startsWith(type.topic()) : !topic.equals(type.topic())) {
            throw new IllegalArgumentException(type + " does not go to " + topic);
        }
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topic;
        message.key = key;
        message.type = type.cloudEventType();
        message.subject = key;
        message.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        message.traceParent = trace.current().orElse(null);
        try {
            message.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + type, e);
        }
        message.persist();
        written.fire(new OutboxWritten(
                message.id, type, topic, key, message.occurredAt, message.payload, message.traceParent));
        return message.id;
    }

    /**
     * Fired inside the writing transaction: observed after its commit to wake the relay, and within it by what must
     * be written with the event (a partner's webhook deliveries). {@code payload} is the JSON the topic carries.
     */
    public record OutboxWritten(
            UUID id,
            EventType type,
            String topic,
            String key,
            OffsetDateTime occurredAt,
            String payload,
            String traceParent) {}
}
