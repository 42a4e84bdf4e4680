package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ProgrammeRequest",
        description = "A subsidy programme (subsidieregeling) for one school year with its pots.")
public record ProgrammeRequest(
        @Schema(description = "School year (schooljaar)", example = "2026-2027")
        @NotBlank
        @Pattern(regexp = "[0-9]{4}-[0-9]{4}", message = "must be a school year such as 2026-2027")
        String schoolYear,

        @Schema(example = "Agressie en seksuele weerbaarheid vo/mbo") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "How the pots are divided (verdeelmethode)") @NotNull
        AllocationMethod method,

        @Schema(
                description = "Decisions above this amount need a second municipal officer (vier ogen), in cents",
                example = "1000000")
        @NotNull
        @PositiveOrZero
        @Max(Amounts.MAX_CENTS)
        Long fourEyesAboveCents,

        @Schema(description = "One pot (budget) per sector; no two pots serve the same sector") @NotEmpty @Size(max = 3)
        List<@Valid @NotNull PotRequest> pots,

        @Schema(
                description = "When given, every application must name an intervention from the catalog with one of "
                        + "these evidence levels (the quality budget: EVIDENCE_BASED, EVIDENCE_INFORMED); without, naming "
                        + "one is optional")
        @Size(max = 4)
        List<@NotNull EvidenceLevel> acceptedEvidenceLevels) {

    @Schema(name = "PotRequest", description = "A pot (budget) for one sector.")
    public record PotRequest(
            @NotNull PotSector sector,

            @Schema(description = "Whole cents", example = "8000000") @NotNull @Positive @Max(Amounts.MAX_CENTS)
            Long amountCents) {}
}
