package nl.rotterdam.schoolsafe.subsidy.programme;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "LedgerEntry",
        description = "One append-only ledger entry (boeking): its effect on the pot in whole cents.")
public record LedgerEntryView(
        long id,
        UUID potId,
        Ledger.Kind kind,
        @Schema(example = "-100000") long amountCents,
        UUID applicationId,
        String schoolLocationId,
        UUID allocationId,
        OffsetDateTime recordedAt,
        String recordedBy) {}
