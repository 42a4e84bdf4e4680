package nl.rotterdam.schoolsafe.escalation.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Subscription",
        description = "A webhook subscription (abonnement): where your system is told which events of your stream.")
public record SubscriptionView(
        @Schema(required = true) UUID id,

        @Schema(example = "https://integratie.politie.example/schoolsafe/webhook")
        String callbackUrl,

        List<PartnerEventType> eventTypes,
        Subscription.Status status,

        @Schema(description = "Why deliveries are failing: the last delivery given up and its last answer")
        String failingReason,

        OffsetDateTime failingSince,
        OffsetDateTime createdAt,

        @Schema(description = "After a rotation: until when the previous secret still signs beside the new one")
        OffsetDateTime previousSecretValidUntil,

        @Schema(
                description =
                        "The signing secret (Standard Webhooks, whsec_…): shown only in the answer that created it; keep it safe",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                pattern = "^whsec_[A-Za-z0-9+/]+={0,2}$")
        String secret) {

    static SubscriptionView of(Subscription subscription) {
        return of(subscription, null);
    }

    static SubscriptionView of(Subscription subscription, String secret) {
        return new SubscriptionView(
                subscription.id(),
                subscription.callback().toString(),
                subscription.types(),
                subscription.status(),
                subscription.failingReason(),
                subscription.failingSince(),
                subscription.createdAt(),
                subscription.previousSecretExpiresAt(),
                secret);
    }
}
