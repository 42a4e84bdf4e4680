package nl.rotterdam.schoolsafe.subsidy.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
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
        List<Application.Action> allowedActions,

        @Schema(description = "The catalog's intervention the money is for, as described when the board applied")
        InterventionView intervention,

        @Schema(
                description = "Why a location outside the urgency round's agreed joint list was granted all the same",
                example = "Acute rise after the summer; the joint list was fixed before it.")
        String exceptionReason,

        @Schema(description = "For extra security (EXTRA_SECURITY): the location's incident trend when it was approved")
        TrendView incidentTrend) {

    @Schema(name = "ApplicationIntervention", description = "An intervention from the catalog (aanbod).")
    public record InterventionView(
            @Schema(required = true, description = "The catalog offering's id")
            UUID offeringId,

            @Schema(required = true, example = "halt-training", pattern = "^[a-z0-9][a-z0-9-]{1,59}$")
            String code,

            @Schema(required = true) EvidenceLevel evidenceLevel) {}

    @Schema(
            name = "IncidentTrend",
            description =
                    "Incidents in the relevant categories over the last window against the window before it. "
                            + "Counts under the minimum cell show as a band (\"<5\") for readers outside the location's own board.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrendView(
            @Schema(required = true, example = "7", pattern = "^(<)?[0-9]+$")
            String recentIncidents,

            @Schema(required = true, example = "<5", pattern = "^(<)?[0-9]+$")
            String previousIncidents,

            @Schema(required = true, example = "90") int windowDays,
            @Schema(required = true) OffsetDateTime measuredAt,

            @Schema(
                    description = "More incidents in the last window than in the one before; left out where both "
                            + "counts are banded, as it would order them")
            Boolean rising) {

        static TrendView of(IncidentTrend trend, int minimumCell) {
            boolean bothBanded = trend.recentIncidents() < minimumCell && trend.previousIncidents() < minimumCell;
            return new TrendView(
                    count(trend.recentIncidents(), minimumCell),
                    count(trend.previousIncidents(), minimumCell),
                    trend.windowDays(),
                    trend.measuredAt(),
                    bothBanded ? null : trend.rising());
        }

        private static String count(int incidents, int minimumCell) {
            return incidents < minimumCell ? "<" + minimumCell : Integer.toString(incidents);
        }
    }

    /** {@code minimumCell} 0 shows the trend's counts exactly. */
    static ApplicationView of(Application a, boolean withPlan, int minimumCell) {
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
                a.allowedActions(),
                a.intervention()
                        .map(i -> new InterventionView(i.offeringId(), i.code(), i.evidenceLevel()))
                        .orElse(null),
                a.exceptionReason(),
                a.incidentTrend().map(t -> TrendView.of(t, minimumCell)).orElse(null));
    }
}
