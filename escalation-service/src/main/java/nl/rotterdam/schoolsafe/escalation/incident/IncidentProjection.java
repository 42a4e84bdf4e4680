package nl.rotterdam.schoolsafe.escalation.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.escalation.detection.History;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Keeps the incident projection and answers the detection rules' questions about the past. */
@ApplicationScoped
public class IncidentProjection implements History {
    private final EntityManager entityManager;

    IncidentProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public SeenIncident apply(IncidentEvent event) {
        SeenIncident seen = SeenIncident.<SeenIncident>findByIdOptional(event.incidentId()).orElseGet(SeenIncident::new);
        seen.apply(event);
        seen.persist();
        seen.flush();
        return seen;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ExpulsionEvent event) {
        entityManager.createNativeQuery("""
                        INSERT INTO expulsion_seen (measure_id, incident_id, pseudonym, start_date) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (measure_id) DO NOTHING""")
                .setParameter(1, event.measureId()).setParameter(2, event.incidentId())
                .setParameter(3, event.pseudonym()).setParameter(4, event.startDate())
                .executeUpdate();
    }

    public record Expulsion(UUID incidentId, String pseudonym, java.time.LocalDate startDate) {
    }

    @SuppressWarnings("unchecked")
    public List<Expulsion> expulsions(List<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT incident_id, pseudonym, start_date FROM expulsion_seen WHERE incident_id = ANY (?1) ORDER BY start_date")
                .setParameter(1, incidentIds.toArray(UUID[]::new)).getResultList();
        return rows.stream().map(r -> new Expulsion((UUID) r[0], (String) r[1],
                r[2] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[2])).toList();
    }

    @Override
    public Map<UUID, String> incidentsOfPseudonym(String pseudonym, OffsetDateTime from, OffsetDateTime to) {
        return incidentsWhere("""
                SELECT DISTINCT i.incident_id, i.school_location_id FROM incident_seen i
                JOIN incident_person_seen p ON p.incident_id = i.incident_id
                WHERE p.pseudonym = ?1 AND i.occurred_at BETWEEN ?2 AND ?3""", pseudonym, from, to);
    }

    @Override
    public Map<UUID, String> incidentsInDistrict(String district, OffsetDateTime from, OffsetDateTime to) {
        return incidentsWhere("""
                SELECT incident_id, school_location_id FROM incident_seen
                WHERE district_id = ?1 AND occurred_at BETWEEN ?2 AND ?3""", district, from, to);
    }

    /** Incident id → reporting school location for a query with one key and a period. */
    @SuppressWarnings("unchecked")
    private Map<UUID, String> incidentsWhere(String sql, String key, OffsetDateTime from, OffsetDateTime to) {
        List<Object[]> rows = entityManager.createNativeQuery(sql)
                .setParameter(1, key).setParameter(2, from).setParameter(3, to).getResultList();
        Map<UUID, String> incidents = new HashMap<>();
        rows.forEach(r -> incidents.put((UUID) r[0], (String) r[1]));
        return incidents;
    }

    public java.util.Optional<SeenIncident> find(UUID incidentId) {
        return SeenIncident.findByIdOptional(incidentId);
    }
}
