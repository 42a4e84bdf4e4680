package nl.rotterdam.schoolsafe.subsidy.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import nl.rotterdam.schoolsafe.subsidy.programme.Amounts;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;
import nl.rotterdam.schoolsafe.subsidy.programme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ApplicationRequest",
        description = "A board's subsidy application (subsidieaanvraag) for one of its locations.")
public record ApplicationRequest(
        @NotNull UUID programmeId,

        @Schema(
                description = "The location (vestiging) the money is for; it must be one of your board's",
                example = "30BR01")
        @NotBlank
        @Pattern(regexp = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}", message = "must be a school location id such as 30BR01")
        String schoolLocationId,

        @Schema(description = "Theme (thema)") @NotNull Theme theme,

        @Schema(description = "Spending category (bestedingscategorie); must belong to the theme") @NotNull
        Category category,

        @Schema(description = "Amount requested (aangevraagd bedrag) in whole cents", example = "1250000")
        @NotNull
        @Positive
        @Max(Amounts.MAX_CENTS)
        Long amountCents,

        @Schema(
                description = "The plan (activiteitenplan): what, for whom, when",
                example = "Two team trainings on street culture for the lower years.")
        @NotBlank
        @Size(max = 4000)
        String plan,

        @Schema(
                description = "The intervention from the catalog (GET /api/v1/catalog/offerings) the money is for; "
                        + "required when the programme accepts only certain evidence levels")
        UUID interventionId) {}
