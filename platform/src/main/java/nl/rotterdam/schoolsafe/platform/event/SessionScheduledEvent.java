package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code knowledge.session-scheduled}: an expert session was scheduled, changed or
 * cancelled ({@code status}). Seat figures only; no title, text or persons.
 */
public record SessionScheduledEvent(
        UUID sessionId,
        String kind,
        String status,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        OffsetDateTime registrationDeadline,
        int capacity,
        int confirmedSeats,
        int waiting,
        List<String> audiences) {
}
