package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The only way money moves: append-only entries whose insert moves the pot's balance in the
 * database, where a check keeps it from going below zero whatever runs concurrently. Call it from
 * a change's {@code finallyDo}: the first entry locks the pot's row until commit.
 */
@ApplicationScoped
public class Ledger {
    @Schema(name = "LedgerEntryKind", description = "Kind of ledger entry")
    public enum Kind {
        FUNDING,
        RESERVATION,
        GRANT,
        SETTLEMENT,
        RELEASE
    }

    /** One movement; negative amounts take from the pot. */
    public record Entry(Kind kind, long amountCents, UUID applicationId, String schoolLocationId, UUID allocationId) {
        public static Entry funding(long cents) {
            return new Entry(Kind.FUNDING, cents, null, null, null);
        }
    }

    private static final String NOT_NEGATIVE = "pot_balance_not_negative";
    private final EntityManager entityManager;

    Ledger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long balance(UUID potId) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT balance_cents FROM pot WHERE id = ?1")
                        .setParameter(1, potId)
                        .getSingleResult())
                .longValue();
    }

    /**
     * Records the entries in order; when they would take the pot below zero nothing is recorded (409).
     * A pot they empty registers its exhaustion, which the surrounding change publishes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Pot pot, List<Entry> entries, String by, OffsetDateTime now) {
        long change = entries.stream().mapToLong(Entry::amountCents).sum();
        long balance = balance(pot.id());
        if (balance + change < 0) {
            throw insufficient(pot, -change, balance);
        }
        entityManager.flush();
        try {
            for (Entry entry : entries) {
                entityManager
                        .createNativeQuery("""
                                INSERT INTO ledger_entry (pot_id, kind, amount_cents, application_id, school_location_id, allocation_id,
                                                          recorded_at, recorded_by)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                        .setParameter(1, pot.id())
                        .setParameter(2, entry.kind().name())
                        .setParameter(3, entry.amountCents())
                        .setParameter(4, entry.applicationId())
                        .setParameter(5, entry.schoolLocationId())
                        .setParameter(6, entry.allocationId())
                        .setParameter(7, now)
                        .setParameter(8, by)
                        .executeUpdate();
            }
        } catch (PersistenceException e) {
            if (violatesNotNegative(e)) {
                throw insufficient(pot, -change, null);
            }
            throw e;
        }
        // the balance the trigger just wrote: this transaction holds the pot's row, so it stays current until commit
        entityManager.refresh(pot);
        if (pot.balanceCents() == 0) {
            pot.markExhausted(now);
        }
    }

    private static boolean violatesNotNegative(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(NOT_NEGATIVE)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException insufficient(Pot pot, long neededCents, Long remainingCents) {
        return new ProblemException(
                409,
                "pot-insufficient",
                "Not enough left in the pot",
                "the " + pot.sector() + " pot of " + pot.programme().schoolYear() + " cannot cover " + neededCents
                        + " cents"
                        + (remainingCents == null
                                ? "; it was spent meanwhile"
                                : "; " + remainingCents + " cents remain"),
                List.of(),
                remainingCents == null
                        ? Map.of("potId", pot.id().toString(), "neededCents", neededCents)
                        : Map.of(
                                "potId",
                                pot.id().toString(),
                                "neededCents",
                                neededCents,
                                "remainingCents",
                                remainingCents));
    }
}
