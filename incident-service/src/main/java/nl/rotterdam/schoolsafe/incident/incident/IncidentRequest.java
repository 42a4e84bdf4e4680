package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentRequest", description = "An incident (melding) as the school registers or corrects it.")
public record IncidentRequest(
        @Schema(description = "The school location that registers the incident (vestiging)", example = "30BR01")
        @NotBlank
        @Pattern(regexp = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}", message = "must be a school location id such as 30BR01")
        String schoolLocationId,

        @Schema(
                description = "When it happened (tijdstip incident), ISO 8601 with zone; not in the future",
                example = "2026-11-20T10:15:00+01:00")
        @NotNull
        OffsetDateTime occurredAt,

        @Schema(description = "Where it happened (plaats)") @NotNull
        LocationType locationType,

        @Schema(
                description = "District (gebied) where it happened; defaults to the school location's district",
                example = "delfshaven")
        @Size(max = 40)
        String district,

        @Schema(description = "Kind of incident (soort)") @NotNull
        Category category,

        @Schema(description = "Severity (ernst)") @NotNull Severity severity,

        @Schema(
                description =
                        "What happened (omschrijving); stays inside the school, never sent to partners or on events",
                example = "Fight between two students at the tram stop after school.")
        @NotBlank
        @Size(max = 4000)
        String description,

        @Schema(description = "Persons involved (betrokkenen)") @Size(max = 50)
        List<@Valid @NotNull InvolvedPersonRequest> involvedPersons,

        @Schema(description = "Keep as a draft (concept) to complete later; default false: registered at once")
        Boolean draft) {

    @Schema(name = "InvolvedPersonRequest", description = "A person involved (betrokkene).")
    public record InvolvedPersonRequest(
            @Schema(description = "Role in this incident (rol): victim, suspect or witness") @NotNull
            InvolvedPerson.Role role,

            @Schema(description = "Kind of person (soort): student, staff or external") @NotNull
            InvolvedPerson.Kind kind,

            @Schema(
                    description =
                            "For a student: the education number (onderwijsnummer). Only its keyed pseudonym is stored.",
                    example = "123456789")
            @Size(max = 32)
            @Pattern(regexp = "[A-Za-z0-9-]+", message = "may contain only letters, digits and dashes")
            String studentNumber,

            @Schema(
                    description = "The person's school location, when it is another school than the reporting one",
                    example = "31CV01")
            @Pattern(regexp = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}", message = "must be a school location id such as 30BR01")
            String schoolLocationId,

            @Schema(
                    description =
                            "Under 18 (minderjarig); a police report about a minor needs the parents consulted first")
            Boolean minor) {}
}
