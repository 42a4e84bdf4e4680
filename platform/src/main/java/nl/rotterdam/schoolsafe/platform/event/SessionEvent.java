package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Payload of {@code knowledge.session-scheduled}, {@code -rescheduled} and {@code -cancelled}: the
 * session as it is now. Seat figures only; no title, text or persons.
 */
public record SessionEvent(
        UUID sessionId,

        @Schema(enumeration = {"SEXUAL_RESILIENCE", "CITY_MARINE_KNOWLEDGE", "OTHER"})
        String kind,

        @Schema(enumeration = {"SCHEDULED", "CANCELLED"}) String status,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        OffsetDateTime registrationDeadline,
        int capacity,
        int confirmedSeats,
        int waiting,

        @Schema(enumeration = {"STUDENTS", "TEACHERS", "TEAMS", "PARENTS"})
        List<String> audiences) {}
