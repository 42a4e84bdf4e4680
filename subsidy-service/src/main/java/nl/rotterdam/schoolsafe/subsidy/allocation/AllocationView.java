package nl.rotterdam.schoolsafe.subsidy.allocation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Allocation",
        description = "A division of a pot (verdeling) with the formula and every input, so a board can recompute it.")
public record AllocationView(
        @Schema(required = true) UUID id,
        UUID programmeId,
        UUID potId,
        AllocationMethod method,
        Allocation.Status status,
        @Schema(description = "The formula in words") String formula,

        @Schema(description = "Weights, periods and the amount that was available", ref = "JsonObject")
        Map<String, Object> parameters,

        List<Ranking> rankings,
        List<Line> lines,

        @Schema(
                description =
                        "The boards' answers to the joint list; every board on it must agree before it is confirmed")
        List<BoardAgreement.View> agreements,

        long totalProposedCents,
        OffsetDateTime computedAt,
        OffsetDateTime confirmedAt,

        @Schema(description = "What can happen next in this round")
        List<Allocation.Action> allowedActions) {

    @Schema(name = "AllocationRanking", description = "A board's rank for one of its locations (1 = most urgent)")
    public record Ranking(String boardId, String schoolLocationId, int rank) {}

    @Schema(name = "AllocationLine", description = "One location's share with the figures it was computed from")
    public record Line(
            String schoolLocationId,
            String boardId,

            @Schema(description = "The figures the share was computed from", ref = "JsonObject")
            Map<String, Object> inputs,

            BigDecimal score,
            long proposedCents,
            Long confirmedCents,
            long reservedLeftCents) {}
}
