package nl.rotterdam.schoolsafe.escalation.subscription;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event owed to your subscription, and what became of it.")
public record DeliveryView(
        @Schema(required = true) UUID id,

        @Schema(description = "The webhook-id header: the same on every attempt, so you can skip what you had")
        UUID webhookId,

        @Schema(
                example = "nl.rotterdam.schoolsafe.partner.engaged.v1",
                pattern = "^nl\\.rotterdam\\.schoolsafe\\.[a-z.-]+\\.v[0-9]+$")
        String eventType,

        @Schema(description = "The case it is about; deliveries of one case arrive in order")
        String caseId,

        Delivery.Status status,
        int attempts,
        OffsetDateTime queuedAt,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime lastAttemptAt,

        @Schema(description = "Your receiver's last status code, when it answered")
        Integer lastStatusCode,

        @Schema(description = "Why the last attempt failed") String lastError,
        OffsetDateTime deliveredAt) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(
                delivery.id(),
                delivery.eventId(),
                delivery.eventType(),
                delivery.orderingKey(),
                delivery.status(),
                delivery.attempts(),
                delivery.queuedAt(),
                delivery.nextAttemptAt(),
                delivery.lastAttemptAt(),
                delivery.lastStatusCode(),
                delivery.lastError(),
                delivery.deliveredAt());
    }
}
