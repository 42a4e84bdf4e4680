package nl.rotterdam.schoolsafe.knowledge.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import nl.rotterdam.schoolsafe.knowledge.catalog.Audience;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "SessionRequest",
        description = "An expert session (expertsessie) as the municipality schedules or changes it.")
public record SessionRequest(
        @Schema(
                description =
                        "Kind (soort): the VOS sexual resilience sessions (measure 12), the city marine's knowledge sessions (measure 13), or other")
        @NotNull
        ExpertSession.Kind kind,

        @Schema(description = "Title (titel)", example = "Expertsessie seksuele weerbaarheid onder jongeren")
        @NotBlank
        @Size(max = 200)
        String title,

        @Schema(
                description = "What it is about (omschrijving); no personal data",
                example = "Preventie en signaleren van seksueel grensoverschrijdend gedrag.")
        @Size(max = 4000)
        String description,

        @Schema(
                description = "Organiser (organisator): an organisation, not a person",
                example = "Gemeente Rotterdam, VOS")
        @NotBlank
        @Size(max = 200)
        String organiser,

        @Schema(description = "Start (aanvang), ISO 8601 with zone", example = "2027-03-10T14:00:00+01:00") @NotNull
        OffsetDateTime startsAt,

        @Schema(description = "End (einde), ISO 8601 with zone", example = "2027-03-10T16:30:00+01:00") @NotNull
        OffsetDateTime endsAt,

        @Schema(description = "Place (locatie)", example = "Stadhuis Rotterdam, Coolsingel 40") @Size(max = 300)
        String place,

        @Schema(description = "Online link (online link)", example = "https://meet.rotterdam.nl/expertsessie")
        @Size(max = 300)
        @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        String onlineLink,

        @Schema(description = "Seats (capaciteit)", example = "40") @NotNull @Min(1) @Max(10000)
        Integer capacity,

        @Schema(description = "Audiences (doelgroepen)") @NotEmpty @Size(max = 4)
        List<@NotNull Audience> audiences,

        @Schema(
                description = "Registration deadline (aanmelden kan tot), ISO 8601 with zone; at or before the start",
                example = "2027-03-03T23:59:00+01:00")
        @NotNull
        OffsetDateTime registrationDeadline) {

    ExpertSession.Details details() {
        return new ExpertSession.Details(
                kind,
                title,
                description,
                organiser,
                startsAt,
                endsAt,
                place,
                onlineLink,
                capacity,
                audiences,
                registrationDeadline);
    }
}
