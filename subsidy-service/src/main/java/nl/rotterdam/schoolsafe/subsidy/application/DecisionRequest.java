package nl.rotterdam.schoolsafe.subsidy.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import nl.rotterdam.schoolsafe.subsidy.programme.Amounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DecisionRequest", description = "The municipality's decision (besluit) on an application.")
public record DecisionRequest(
        @Schema(description = "GRANT (verlenen, in full or in part) or REJECT (afwijzen)") @NotNull
        Decision decision,

        @Schema(description = "For GRANT: the amount in whole cents; default the amount requested", example = "1000000")
        @Positive
        @Max(Amounts.MAX_CENTS)
        Long amountCents,

        @Schema(
                description = "Required to reject or to grant less than requested",
                example = "Security hours are covered by the board.")
        @Size(max = 2000)
        String reason,

        @Schema(
                description = "Required to grant a location that is not on the agreed joint list of the pot's urgency "
                        + "round: why it is granted as an exception. Shown with the grant and in the reports",
                example = "Acute rise after the summer; the joint list was fixed before it.")
        @Size(max = 2000)
        String exceptionReason) {

    @Schema(name = "ApplicationDecision")
    public enum Decision {
        GRANT,
        REJECT
    }
}
