package nl.rotterdam.schoolsafe.subsidy.allocation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;
import nl.rotterdam.schoolsafe.subsidy.programme.Amounts;
import nl.rotterdam.schoolsafe.subsidy.programme.PotSector;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "AllocationRequest",
        description = "Start dividing a pot (verdeling): an urgency round, or a formula computed at once.")
public record AllocationRequest(
        @NotNull UUID programmeId,

        @Schema(description = "Whose pot: VO, MBO or PO_VO_SO_VSO (the quality budget)") @NotNull
        PotSector sector,

        @Schema(description = "Formula programmes only: the base amount per location in cents", example = "50000")
        @PositiveOrZero
        @Max(Amounts.MAX_CENTS)
        Long baseCents) {}
