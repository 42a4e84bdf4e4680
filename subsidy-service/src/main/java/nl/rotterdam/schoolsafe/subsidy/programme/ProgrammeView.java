package nl.rotterdam.schoolsafe.subsidy.programme;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Programme",
        description = "A subsidy programme (subsidieregeling) with its pots and what remains in them.")
public record ProgrammeView(
        @Schema(required = true) UUID id,
        @Schema(example = "2026-2027") String schoolYear,
        String name,
        AllocationMethod method,
        long fourEyesAboveCents,

        @Schema(
                description =
                        "Evidence levels an application's intervention must have; empty when naming one is optional")
        Set<EvidenceLevel> acceptedEvidenceLevels,

        OffsetDateTime createdAt,
        List<PotView> pots) {

    @Schema(
            name = "Pot",
            description = "A pot (budget) per sector; the balance is what is neither reserved nor granted.")
    public record PotView(
            @Schema(required = true) UUID id,
            PotSector sector,
            @Schema(example = "8000000") long amountCents,

            @Schema(description = "Remaining (resterend), in cents")
            long balanceCents,

            @Schema(description = "When the balance first reached zero")
            OffsetDateTime exhaustedAt) {}

    static ProgrammeView of(Programme programme, ToLongFunction<Pot> balance) {
        return new ProgrammeView(
                programme.id(),
                programme.schoolYear(),
                programme.name(),
                programme.method(),
                programme.fourEyesAboveCents(),
                programme.acceptedEvidenceLevels(),
                programme.createdAt(),
                programme.pots().stream()
                        .map(p -> new PotView(
                                p.id(), p.sector(), p.amountCents(), balance.applyAsLong(p), p.exhaustedAt()))
                        .toList());
    }
}
