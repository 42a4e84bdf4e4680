package nl.rotterdam.schoolsafe.knowledge.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.knowledge.catalog.Audience;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Session", description = "An expert session (expertsessie) with its seats and waiting list.")
public record SessionView(
        @Schema(required = true) UUID id,
        @Schema(required = true) ExpertSession.Kind kind,

        @Schema(description = "Title (titel)", required = true)
        String title,

        @Schema(description = "Description (omschrijving)") String description,
        @Schema(description = "Organiser (organisator)") String organiser,

        @Schema(description = "Start (aanvang)", example = "2027-03-10T14:00:00+01:00", required = true)
        OffsetDateTime startsAt,

        @Schema(description = "End (einde)", example = "2027-03-10T16:30:00+01:00", required = true)
        OffsetDateTime endsAt,

        @Schema(description = "Place (locatie)") String place,
        @Schema(description = "Online link") String onlineLink,

        @Schema(description = "Seats (capaciteit)", example = "40")
        int capacity,

        @Schema(description = "Confirmed seats (bevestigde plaatsen)", example = "38")
        int confirmedSeats,

        @Schema(description = "Registrations on the waiting list (wachtlijst)", example = "0")
        int waiting,

        @Schema(description = "Seats still free (vrije plaatsen)", example = "2")
        int seatsLeft,

        @Schema(required = true) List<Audience> audiences,

        @Schema(description = "Registration deadline (aanmelden kan tot)", example = "2027-03-03T23:59:00+01:00")
        OffsetDateTime registrationDeadline,

        @Schema(required = true) ExpertSession.Status status,

        @Schema(description = "Whether registering is possible now (aanmelding open)")
        boolean registrationOpen) {

    static SessionView of(ExpertSession s, OffsetDateTime now) {
        int confirmed = s.confirmedSeats();
        return new SessionView(
                s.id(),
                s.kind(),
                s.title(),
                s.description(),
                s.organiser(),
                s.startsAt(),
                s.endsAt(),
                s.place(),
                s.onlineLink(),
                s.capacity(),
                confirmed,
                s.waitingList().size(),
                Math.max(0, s.capacity() - confirmed),
                s.audiences(),
                s.registrationDeadline(),
                s.status(),
                s.registrationOpen(now));
    }
}
