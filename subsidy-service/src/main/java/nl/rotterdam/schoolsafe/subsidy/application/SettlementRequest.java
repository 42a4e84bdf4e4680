package nl.rotterdam.schoolsafe.subsidy.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import nl.rotterdam.schoolsafe.subsidy.programme.Amounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "SettlementRequest",
        description = "The settlement (vaststelling): what the grant finally amounts to; the rest returns to the pot.")
public record SettlementRequest(
        @Schema(description = "Whole cents, at most the granted amount", example = "800000")
        @NotNull
        @PositiveOrZero
        @Max(Amounts.MAX_CENTS)
        Long amountCents) {}
