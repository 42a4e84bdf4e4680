package nl.rotterdam.schoolsafe.subsidy.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.subsidy.application.ApplicationStatus;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
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
            String schoolYear,
            long approved,
            long partlyApproved,
            long rejected,
            long undecided,

            @Schema(description = "The same counts per programme, and within it per evidence level of the intervention")
            List<ProgrammeDecisions> programmes,

            @Schema(
                    description = "Grants to locations outside the agreed joint list of an urgency round, with the "
                            + "officer's reason for the exception")
            List<ExceptionGrant> exceptions) {}

    @Schema(name = "ProgrammeDecisions", description = "Decisions on one programme's applications.")
    public record ProgrammeDecisions(
            @Schema(required = true) UUID programmeId,
            @Schema(required = true) String name,
            @Schema(required = true) AllocationMethod method,
            long approved,
            long partlyApproved,
            long rejected,
            long undecided,

            @Schema(
                    description =
                            "Per evidence level of the named intervention; NOT_NAMED for applications without one")
            List<EvidenceDecisions> byEvidenceLevel) {}

    @Schema(
            name = "EvidenceDecisions",
            description = "Decisions on applications whose intervention has one evidence level.")
    public record EvidenceDecisions(
            @Schema(
                    required = true,
                    enumeration = {"EVIDENCE_BASED", "EVIDENCE_INFORMED", "PROMISING", "NONE", "NOT_NAMED"})
            String evidenceLevel,

            long approved,
            long partlyApproved,
            long rejected,
            long undecided) {}

    @Schema(name = "ExceptionGrant", description = "A grant outside the urgency round's agreed joint list.")
    public record ExceptionGrant(
            @Schema(required = true) UUID applicationId,
            @Schema(required = true) UUID programmeId,
            @Schema(required = true, example = "30BR01") String schoolLocationId,
            @Schema(required = true) String boardId,
            @Schema(required = true) ApplicationStatus status,

            @Schema(description = "Granted, or for a grant awaiting its second officer proposed, in cents")
            long cents,

            @Schema(required = true) String exceptionReason,
            OffsetDateTime decidedAt,

            @Schema(required = true, description = "The officer who granted (or proposed) it")
            String decidedBy,

            @Schema(description = "The second officer, above the four-eyes amount")
            String secondApprover) {}
}
