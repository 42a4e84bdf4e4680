package nl.rotterdam.schoolsafe.escalation.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner system's request to be told, at its callback URL, the events of its own stream it names. Deliveries are
 * signed with its secret; after a rotation the previous secret signs too until it expires, so the receiver can switch.
 * A subscription whose delivery was given up is failing, with the reason, until a delivery succeeds again.
 */
@Entity
@Table(name = "webhook_subscription")
public class Subscription extends AggregateRoot {
    @Schema(name = "SubscriptionStatus", description = "Whether a subscription delivers")
    public enum Status {
        ACTIVE,
        FAILING
    }

    @Id
    private UUID id;

    @Column(name = "partner_id")
    private String partnerId;

    @Column(name = "callback_url")
    private String callbackUrl;

    @Column(name = "event_types")
    private String eventTypes;

    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private OffsetDateTime previousSecretExpiresAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "failing_reason")
    private String failingReason;

    @Column(name = "failing_since")
    private OffsetDateTime failingSince;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected Subscription() {}

    static Subscription register(
            String partnerId,
            CallbackAddress callback,
            List<PartnerEventType> types,
            String secret,
            OffsetDateTime now) {
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.partnerId = partnerId;
        subscription.callbackUrl = callback.toString();
        subscription.eventTypes =
                String.join(",", types.stream().map(PartnerEventType::name).toList());
        subscription.secret = secret;
        subscription.status = Status.ACTIVE;
        subscription.createdAt = now;
        return subscription;
    }

    /** A new secret signs from now on; the old one signs beside it until {@code overlap} has passed. */
    void rotateSecret(String newSecret, OffsetDateTime now, Duration overlap) {
        previousSecret = secret;
        previousSecretExpiresAt = now.plus(overlap);
        secret = newSecret;
    }

    void markFailing(String reason, OffsetDateTime now) {
        if (status != Status.FAILING) {
            failingSince = now;
        }
        status = Status.FAILING;
        failingReason = reason;
    }

    void markHealthy() {
        status = Status.ACTIVE;
        failingReason = null;
        failingSince = null;
    }

    boolean wants(PartnerEventType type) {
        return types().contains(type);
    }

    /** The secrets that sign a delivery made now: the current one, and the previous one during its overlap. */
    List<String> signingSecrets(OffsetDateTime now) {
        return previousSecret != null && now.isBefore(previousSecretExpiresAt)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    @Override
    public String aggregateType() {
        return "webhook-subscription";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    @Override
    public String owner() {
        return partnerId;
    }

    /** Never the secrets: the audit trail records that they changed, not what they are. */
    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("callbackUrl", callbackUrl);
        snapshot.put("eventTypes", eventTypes);
        snapshot.put("status", status);
        snapshot.put("failingReason", failingReason);
        snapshot.put("previousSecretExpiresAt", previousSecretExpiresAt);
        return snapshot;
    }

    public UUID id() {
        return id;
    }

    public String partnerId() {
        return partnerId;
    }

    public CallbackAddress callback() {
        return CallbackAddress.parse(callbackUrl);
    }

    public List<PartnerEventType> types() {
        return Arrays.stream(eventTypes.split(","))
                .map(PartnerEventType::valueOf)
                .toList();
    }

    public Status status() {
        return status;
    }

    public String failingReason() {
        return failingReason;
    }

    public OffsetDateTime failingSince() {
        return failingSince;
    }

    public OffsetDateTime previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
