package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.PotExhaustedEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The only way money moves: append-only entries whose insert moves the pot's balance in the
 * database, where a check keeps it from going below zero whatever runs concurrently.
 */
@ApplicationScoped
public class Ledger {
    public enum Kind { FUNDING, RESERVATION, GRANT, SETTLEMENT, RELEASE }

    /** One movement; negative amounts take from the pot. */
    public record Entry(Kind kind, long amountCents, UUID applicationId, String schoolLocationId, UUID allocationId) {
        public static Entry funding(long cents) {
            return new Entry(Kind.FUNDING, cents, null, null, null);
        }
    }

    private static final String NOT_NEGATIVE = "pot_balance_not_negative";
    private final EntityManager entityManager;
    private final Outbox outbox;

    Ledger(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    public long balance(UUID potId) {
        return ((Number) entityManager.createNativeQuery("SELECT balance_cents FROM pot WHERE id = ?1").setParameter(1, potId)
                .getSingleResult()).longValue();
    }

    /** Records the entries in order; when they would take the pot below zero nothing is recorded (409). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Pot pot, List<Entry> entries, String by, OffsetDateTime now) {
        long change = entries.stream().mapToLong(Entry::amountCents).sum();
        long balance = balance(pot.id);
        if (balance + change < 0) {
            throw insufficient(pot, -change, balance);
        }
        entityManager.flush();
        try {
            for (Entry entry : entries) {
                entityManager.createNativeQuery("""
                                INSERT INTO ledger_entry (pot_id, kind, amount_cents, application_id, school_location_id, allocation_id,
                                                          recorded_at, recorded_by)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                        .setParameter(1, pot.id).setParameter(2, entry.kind().name()).setParameter(3, entry.amountCents())
                        .setParameter(4, entry.applicationId()).setParameter(5, entry.schoolLocationId())
                        .setParameter(6, entry.allocationId()).setParameter(7, now).setParameter(8, by)
                        .executeUpdate();
            }
        } catch (PersistenceException e) {
            if (violatesNotNegative(e)) {
                throw insufficient(pot, -change, null);
            }
            throw e;
        }
        announceIfExhausted(pot, now);
    }

    private void announceIfExhausted(Pot pot, OffsetDateTime now) {
        int exhausted = entityManager.createNativeQuery(
                        "UPDATE pot SET exhausted_at = ?2 WHERE id = ?1 AND exhausted_at IS NULL AND balance_cents = 0")
                .setParameter(1, pot.id).setParameter(2, now).executeUpdate();
        if (exhausted == 1) {
            outbox.record(Topics.SUBSIDY, EventTypes.SUBSIDY_POT_EXHAUSTED, pot.id.toString(), new PotExhaustedEvent(pot.id,
                    pot.programme.id, pot.programme.schoolYear, pot.sector.name(), pot.amountCents, now));
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
        return new ProblemException(409, "pot-insufficient", "Not enough left in the pot",
                "the " + pot.sector + " pot of " + pot.programme.schoolYear + " cannot cover " + neededCents + " cents"
                        + (remainingCents == null ? "; it was spent meanwhile" : "; " + remainingCents + " cents remain"),
                List.of(), remainingCents == null ? Map.of("potId", pot.id.toString(), "neededCents", neededCents)
                : Map.of("potId", pot.id.toString(), "neededCents", neededCents, "remainingCents", remainingCents));
    }
}
