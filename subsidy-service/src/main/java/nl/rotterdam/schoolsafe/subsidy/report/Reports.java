package nl.rotterdam.schoolsafe.subsidy.report;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The report shapes; all amounts in whole cents. */
public final class Reports {
    private Reports() {}

    @Schema(
            name = "PotReport",
            description = "A pot (budget) and where its money is: remaining, reserved, granted, returned.")
    public record PotReport(
            UUID potId,
            UUID programmeId,
            String programmeName,

            @Schema(pattern = "^[0-9]{4}-[0-9]{4}$", example = "2026-2027")
            String schoolYear,

            @Schema(enumeration = {"VO", "MBO"}) String sector,
            long amountCents,

            @Schema(description = "Remaining (resterend): neither reserved nor granted")
            long balanceCents,

            @Schema(description = "The sum of the pot's ledger entries; always equals balanceCents")
            long ledgerSumCents,

            long grantedCents,

            @Schema(description = "Returned to the pot by settlements lower than the grant")
            long returnedCents,

            @Schema(description = "Reserved by confirmed allocations and not yet drawn by grants")
            long reservedCents,

            OffsetDateTime exhaustedAt) {}

    @Schema(
            name = "SpendingLine",
            description = "Granted and settled amounts for one category, theme, board or location.")
    public record SpendingLine(String key, long applications, long grantedCents, long settledCents) {}

    @Schema(name = "DecisionCounts", description = "Decisions of a school year, as the council is told them.")
    public record DecisionCounts(
            String schoolYear, long approved, long partlyApproved, long rejected, long undecided) {}
}
