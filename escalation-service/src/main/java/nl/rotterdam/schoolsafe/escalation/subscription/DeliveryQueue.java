package nl.rotterdam.schoolsafe.escalation.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.http.ApiConfig;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;

/**
 * Queues a delivery for each subscription that asked for an event of a partner's stream, in the transaction that
 * records the event: the webhook carries exactly what the partner's topic carries, and an event is never owed to a
 * receiver without being queued for it.
 */
@ApplicationScoped
public class DeliveryQueue {
    private static final String STREAM_SUFFIX = ".events";

    private final ObjectMapper json;
    private final Clock clock;
    private final String source;
    private final Event<Queued> queued;

    DeliveryQueue(ObjectMapper json, ApiConfig api, Event<Queued> queued) {
        this.json = json;
        // deliveries keep wall-clock time: their timestamps guard receivers against replays
        this.clock = Clock.systemUTC();
        this.source = "/schoolsafe/" + api.service();
        this.queued = queued;
    }

    /** Fired in the queueing transaction; the dispatcher wakes once it committed. */
    public record Queued() {}

    void queue(@Observes Outbox.OutboxWritten written) {
        Optional<PartnerEventType> type = PartnerEventType.of(written.type());
        if (type.isEmpty()) {
            return;
        }
        String partnerId = written.topic()
                .substring(Topics.PARTNER_PREFIX.length(), written.topic().length() - STREAM_SUFFIX.length());
        List<Subscription> subscriptions = Subscription.<Subscription>list("partnerId", partnerId).stream()
                .filter(s -> s.wants(type.get()))
                .toList();
        if (subscriptions.isEmpty()) {
            return;
        }
        String body = body(written);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Subscription subscription : subscriptions) {
            Delivery.queue(subscription.id(), written.id(), written.type().cloudEventType(), written.key(), body, now)
                    .persist();
        }
        queued.fire(new Queued());
    }

    /** The event as a structured CloudEvent: the attributes the topic carries in its headers, and the same data. */
    private String body(Outbox.OutboxWritten written) {
        try {
            ObjectNode event = json.createObjectNode();
            event.put("specversion", "1.0");
            event.put("id", written.id().toString());
            event.put("source", source);
            event.put("type", written.type().cloudEventType());
            event.put("subject", written.key());
            event.put("time", written.occurredAt().toString());
            event.put("datacontenttype", "application/json");
            event.put("dataschema", written.type().dataSchema().toString());
            event.set("data", json.readTree(written.payload()));
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload is not JSON", e);
        }
    }
}
