package nl.rotterdam.schoolsafe.knowledge.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Registration",
        description = "A registration (aanmelding) for an expert session: confirmed, waiting or cancelled.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID sessionId,

        @Schema(description = "The registrant's account id (account-id) from the token; no name")
        String registrant,

        @Schema(description = "The registrant's school location (vestiging)", example = "30BR01")
        String schoolLocationId,

        @Schema(required = true) Registration.Status status,

        @Schema(
                description =
                        "Place on the waiting list (plaats op de wachtlijst), 1 = next in line; only when waiting",
                example = "3")
        Integer waitingPosition,

        @Schema(description = "Registered at (aangemeld op)", required = true)
        OffsetDateTime registeredAt,

        @Schema(description = "Seat confirmed at (bevestigd op)")
        OffsetDateTime confirmedAt,

        @Schema(description = "Cancelled at (geannuleerd op)")
        OffsetDateTime cancelledAt) {

    static RegistrationView of(Registration r, ExpertSession session) {
        return new RegistrationView(
                r.id,
                r.sessionId,
                r.registrant,
                r.schoolLocationId,
                r.status,
                session.waitingPosition(r),
                r.registeredAt,
                r.confirmedAt,
                r.cancelledAt);
    }
}
