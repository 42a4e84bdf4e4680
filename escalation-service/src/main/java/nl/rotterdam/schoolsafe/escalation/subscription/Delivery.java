package nl.rotterdam.schoolsafe.escalation.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event owed to one subscription: the queue row written with the event, and what became of each attempt. Its
 * {@code eventId} is the {@code webhook-id}, the same on every attempt, so a receiver that dedups by it sees each event
 * once. Not an aggregate: the dispatcher's bookkeeping, which the partner reads but does not change, bar asking again.
 */
@Entity
@Table(name = "webhook_delivery")
public class Delivery extends PanacheEntityBase {
    @Schema(name = "DeliveryStatus", description = "Where a webhook delivery stands")
    public enum Status {
        PENDING,
        DELIVERED,
        GIVEN_UP
    }

    @Id
    private UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "subscription_id")
    private UUID subscriptionId;

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "ordering_key")
    private String orderingKey;

    private String body;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_attempt_at")
    private OffsetDateTime lastAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    protected Delivery() {}

    static Delivery queue(
            UUID subscriptionId, UUID eventId, String eventType, String orderingKey, String body, OffsetDateTime now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscriptionId;
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.orderingKey = orderingKey;
        delivery.body = body;
        delivery.createdAt = now;
        delivery.status = Status.PENDING;
        delivery.nextAttemptAt = now;
        return delivery;
    }

    void delivered(int statusCode, OffsetDateTime now) {
        attempts++;
        lastAttemptAt = now;
        lastStatusCode = statusCode;
        lastError = null;
        deliveredAt = now;
        status = Status.DELIVERED;
    }

    /** A failed attempt: tried again after {@code retryAfter}, or given up once {@code retryFor} has passed. */
    void failed(Integer statusCode, String error, OffsetDateTime now, Duration retryAfter, Duration retryFor) {
        attempts++;
        lastAttemptAt = now;
        lastStatusCode = statusCode;
        lastError = error.length() > 500 ? error.substring(0, 500) : error;
        if (now.plus(retryAfter).isAfter(createdAt.plus(retryFor))) {
            status = Status.GIVEN_UP;
        } else {
            nextAttemptAt = now.plus(retryAfter);
        }
    }

    /** The partner asked again: one more round of attempts, with the same webhook-id. */
    void redeliver(OffsetDateTime now) {
        status = Status.PENDING;
        createdAt = now;
        nextAttemptAt = now;
    }

    boolean givenUp() {
        return status == Status.GIVEN_UP;
    }

    public UUID id() {
        return id;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String orderingKey() {
        return orderingKey;
    }

    public String body() {
        return body;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime queuedAt() {
        return createdAt;
    }

    public OffsetDateTime nextAttemptAt() {
        return status == Status.PENDING ? nextAttemptAt : null;
    }

    public OffsetDateTime lastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime deliveredAt() {
        return deliveredAt;
    }
}
