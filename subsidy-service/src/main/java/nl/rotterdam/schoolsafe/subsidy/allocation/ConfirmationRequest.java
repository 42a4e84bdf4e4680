package nl.rotterdam.schoolsafe.subsidy.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.rotterdam.schoolsafe.subsidy.programme.Amounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ConfirmationRequest",
        description = "The municipality confirms a proposal (vaststellen verdeling), optionally adjusting amounts.")
public record ConfirmationRequest(
        @Schema(description = "Amounts that differ from the proposal; the others are confirmed as proposed")
        @Size(max = 500)
        List<@Valid @NotNull Adjustment> adjustments) {

    @Schema(name = "AllocationAdjustment")
    public record Adjustment(
            @NotNull String schoolLocationId,

            @Schema(example = "1500000") @NotNull @PositiveOrZero @Max(Amounts.MAX_CENTS)
            Long amountCents) {}
}
