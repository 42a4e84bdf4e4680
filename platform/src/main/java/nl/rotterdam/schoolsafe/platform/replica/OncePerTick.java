package nl.rotterdam.schoolsafe.platform.replica;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Scheduled work that every replica's scheduler starts runs in one of them at a time: the first to take the
 * transaction's advisory lock does it, the others skip the tick (the work itself is idempotent, so one that comes
 * after finds nothing left to do).
 */
@ApplicationScoped
public class OncePerTick {
    private final EntityManager entityManager;

    OncePerTick(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** In the caller's transaction: true when this replica does the work now; the lock ends with the transaction. */
    public boolean take(String work) {
        return (Boolean) entityManager
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, (long) work.hashCode())
                .getSingleResult();
    }
}
