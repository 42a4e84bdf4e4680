package nl.rotterdam.schoolsafe.knowledge.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;

/** Incident counts per school location, category and month (in Rotterdam's time zone). */
@ApplicationScoped
public class IncidentTrends {
    public static final ZoneId ROTTERDAM = ZoneId.of("Europe/Amsterdam");
    private final EntityManager entityManager;

    IncidentTrends(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Counts an incident once; an update that moves it to another category, location or month moves its count. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(IncidentEvent incident) {
        LocalDate month = YearMonth.from(incident.occurredAt().atZoneSameInstant(ROTTERDAM))
                .atDay(1);
        @SuppressWarnings("unchecked")
        List<Object[]> previous = entityManager
                .createNativeQuery(
                        "SELECT school_location_id, category, month FROM incident_seen WHERE incident_id = ?1 FOR UPDATE")
                .setParameter(1, incident.incidentId())
                .getResultList();
        if (!previous.isEmpty()) {
            Object[] was = previous.get(0);
            if (was[0].equals(incident.schoolLocationId())
                    && was[1].equals(incident.category())
                    && month.equals(toDate(was[2]))) {
                return;
            }
            entityManager
                    .createNativeQuery("""
                            UPDATE incident_month_count SET incidents = incidents - 1
                            WHERE school_location_id = ?1 AND category = ?2 AND month = ?3""")
                    .setParameter(1, was[0])
                    .setParameter(2, was[1])
                    .setParameter(3, toDate(was[2]))
                    .executeUpdate();
        }
        entityManager
                .createNativeQuery("""
                        INSERT INTO incident_seen (incident_id, school_location_id, category, month) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (incident_id) DO UPDATE SET school_location_id = ?2, category = ?3, month = ?4""")
                .setParameter(1, incident.incidentId())
                .setParameter(2, incident.schoolLocationId())
                .setParameter(3, incident.category())
                .setParameter(4, month)
                .executeUpdate();
        entityManager
                .createNativeQuery("""
                        INSERT INTO incident_month_count (school_location_id, category, month, incidents) VALUES (?1, ?2, ?3, 1)
                        ON CONFLICT (school_location_id, category, month) DO UPDATE SET incidents = incident_month_count.incidents + 1""")
                .setParameter(1, incident.schoolLocationId())
                .setParameter(2, incident.category())
                .setParameter(3, month)
                .executeUpdate();
    }

    /** Counts of one location since a month: category → month → incidents. */
    @SuppressWarnings("unchecked")
    public Map<String, Map<YearMonth, Integer>> countsSince(String schoolLocationId, YearMonth from) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT category, month, incidents FROM incident_month_count WHERE school_location_id = ?1 AND month >= ?2")
                .setParameter(1, schoolLocationId)
                .setParameter(2, from.atDay(1))
                .getResultList();
        Map<String, Map<YearMonth, Integer>> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent((String) row[0], c -> new HashMap<>())
                    .merge(YearMonth.from(toDate(row[1])), ((Number) row[2]).intValue(), Integer::sum);
        }
        return counts;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
