package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Payload of {@code knowledge.registration-changed}, keyed by session id: a registration was made
 * ({@code REGISTERED}), cancelled, moved up from the waiting list ({@code PROMOTED}) or moved on
 * it by the organiser ({@code PRIORITY_CHANGED}). The registration is named by its opaque id only.
 */
public record RegistrationChangedEvent(
        UUID sessionId,
        UUID registrationId,
        String schoolLocationId,

        @Schema(enumeration = {"REGISTERED", "CANCELLED", "PROMOTED", "PRIORITY_CHANGED"})
        String change,

        @Schema(enumeration = {"CONFIRMED", "WAITING", "CANCELLED"})
        String status,

        Integer waitingPosition,
        int confirmedSeats,
        int capacity,
        OffsetDateTime changedAt) {}
