package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code knowledge.session-scheduled}, {@code -rescheduled} and {@code -cancelled}: the
 * session as it is now. Seat figures only; no title, text or persons.
 */
public record SessionEvent(
        UUID sessionId,
        String kind,
        String status,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        OffsetDateTime registrationDeadline,
        int capacity,
        int confirmedSeats,
        int waiting,
        List<String> audiences) {}
