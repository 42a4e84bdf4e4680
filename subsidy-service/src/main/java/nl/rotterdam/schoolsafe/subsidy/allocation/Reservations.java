package nl.rotterdam.schoolsafe.subsidy.allocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a confirmed allocation reserved for a location, drawn down as the location's applications are granted. */
@ApplicationScoped
public class Reservations {
    public record Drawn(UUID allocationId, long cents) {}

    private final EntityManager entityManager;

    Reservations(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes up to {@code cents} from the location's oldest remaining reservation on the pot. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<Drawn> draw(UUID potId, String schoolLocationId, long cents) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        UPDATE allocation_line l SET reserved_left_cents = l.reserved_left_cents - d.drawn
                        FROM (SELECT l2.allocation_id, LEAST(l2.reserved_left_cents, ?3) AS drawn
                              FROM allocation_line l2 JOIN allocation a ON a.id = l2.allocation_id
                              WHERE a.pot_id = ?1 AND a.status = 'CONFIRMED' AND l2.school_location_id = ?2 AND l2.reserved_left_cents > 0
                              ORDER BY a.confirmed_at LIMIT 1 FOR UPDATE OF l2) d
                        WHERE l.allocation_id = d.allocation_id AND l.school_location_id = ?2
                        RETURNING l.allocation_id, d.drawn""")
                .setParameter(1, potId)
                .setParameter(2, schoolLocationId)
                .setParameter(3, cents)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Drawn((UUID) r[0], ((Number) r[1]).longValue()));
    }

    /** Whether a confirmed allocation of the pot gave the location a share: it is on the agreed joint list. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onConfirmedList(UUID potId, String schoolLocationId) {
        return (Boolean) entityManager
                .createNativeQuery("""
                        SELECT EXISTS (SELECT 1 FROM allocation_line l JOIN allocation a ON a.id = l.allocation_id
                                       WHERE a.pot_id = ?1 AND a.status = 'CONFIRMED' AND l.school_location_id = ?2
                                         AND l.confirmed_cents > 0)""")
                .setParameter(1, potId)
                .setParameter(2, schoolLocationId)
                .getSingleResult();
    }
}
