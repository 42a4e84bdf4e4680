package nl.rotterdam.schoolsafe.subsidy.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;
import nl.rotterdam.schoolsafe.subsidy.programme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Application", description = "A subsidy application (subsidieaanvraag) and its decision.")
public record ApplicationView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID programmeId,
        @Schema(required = true) String boardId,
        @Schema(example = "30BR01", required = true) String schoolLocationId,
        @Schema(required = true) Theme theme,
        @Schema(required = true) Category category,

        @Schema(description = "Requested (aangevraagd), cents")
        long requestedCents,

        @Schema(description = "The plan; only for the board and the municipality")
        String plan,

        @Schema(required = true) ApplicationStatus status,

        @Schema(description = "APPROVED, PARTLY_APPROVED or REJECTED once decided")
        Application.Outcome outcome,

        @Schema(required = true) OffsetDateTime submittedAt,

        @Schema(description = "Awaiting a second officer: the amount proposed")
        Long proposedCents,

        @Schema(description = "Granted (verleend), cents") Long grantedCents,
        String decisionReason,
        String decidedBy,
        String secondApprover,
        OffsetDateTime decidedAt,

        @Schema(description = "Settled (vastgesteld), cents")
        Long settledCents,

        OffsetDateTime settledAt,

        @Schema(description = "What can still happen to the application", required = true)
        List<Application.Action> allowedActions) {

    static ApplicationView of(Application a, boolean withPlan) {
        return new ApplicationView(
                a.id(),
                a.programmeId(),
                a.boardId(),
                a.schoolLocationId(),
                a.theme(),
                a.category(),
                a.requestedCents(),
                withPlan ? a.plan() : null,
                a.status(),
                a.outcome().orElse(null),
                a.submittedAt(),
                a.proposedCents(),
                a.grantedCents(),
                a.decisionReason(),
                a.decidedBy(),
                a.secondApprover(),
                a.decidedAt(),
                a.settledCents(),
                a.settledAt(),
                a.allowedActions());
    }
}
