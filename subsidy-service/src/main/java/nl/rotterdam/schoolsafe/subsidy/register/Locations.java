package nl.rotterdam.schoolsafe.subsidy.register;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the projected register and incident counts. */
@ApplicationScoped
public class Locations {
    public record Location(
            String schoolLocationId, String name, String boardId, String sector, String district, int pupilCount) {}

    private final EntityManager entityManager;

    Locations(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<Location> find(String schoolLocationId) {
        return query("WHERE school_location_id = ?1", schoolLocationId).stream().findFirst();
    }

    public List<Location> all() {
        return query("WHERE ?1 IS NOT NULL ORDER BY school_location_id", "all");
    }

    public Optional<String> boardName(String boardId) {
        @SuppressWarnings("unchecked")
        List<String> names = entityManager
                .createNativeQuery("SELECT name FROM board_seen WHERE board_id = ?1")
                .setParameter(1, boardId)
                .getResultList();
        return names.stream().findFirst();
    }

    /** Incidents per location in [from, to) among the given categories. */
    public Map<String, Long> incidentCounts(
            Collection<String> locations, Collection<String> categories, OffsetDateTime from, OffsetDateTime to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT school_location_id, count(*) FROM incident_seen
                        WHERE school_location_id = ANY (?1) AND category = ANY (?2) AND occurred_at >= ?3 AND occurred_at < ?4
                        GROUP BY school_location_id""")
                .setParameter(1, locations.toArray(String[]::new))
                .setParameter(2, categories.toArray(String[]::new))
                .setParameter(3, from)
                .setParameter(4, to)
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Location> query(String where, String parameter) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT school_location_id, name, board_id, sector, district, pupil_count FROM location_seen "
                                + where)
                .setParameter(1, parameter)
                .getResultList();
        return rows.stream()
                .map(r -> new Location(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        ((Number) r[5]).intValue()))
                .toList();
    }
}
