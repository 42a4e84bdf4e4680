package nl.rotterdam.schoolsafe.escalation.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Keeps the incident projection and answers the detection rules' questions about the past. */
@ApplicationScoped
public class IncidentProjection implements History {
    private final EntityManager entityManager;

    IncidentProjection(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An expulsion the incident-service announced: the pseudonym only. */
    public record Expulsion(UUID incidentId, String pseudonym, LocalDate startDate) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public SeenIncident apply(ReportedIncident incident) {
        SeenIncident seen = SeenIncident.<SeenIncident>findByIdOptional(incident.incidentId())
                .orElseGet(SeenIncident::new);
        seen.apply(incident);
        seen.persist();
        seen.flush();
        return seen;
    }

    /** Records an announced expulsion once, however often its event arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordExpulsion(UUID measureId, Expulsion expulsion) {
        entityManager
                .createNativeQuery("""
                        INSERT INTO expulsion_seen (measure_id, incident_id, pseudonym, start_date) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (measure_id) DO NOTHING""")
                .setParameter(1, measureId)
                .setParameter(2, expulsion.incidentId())
                .setParameter(3, expulsion.pseudonym())
                .setParameter(4, expulsion.startDate())
                .executeUpdate();
    }

    public Optional<SeenIncident> find(UUID incidentId) {
        return SeenIncident.findByIdOptional(incidentId);
    }

    /** The projection rows, with their persons, and the expulsions of the incidents: two queries however many. */
    public KnownIncidents known(Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return new KnownIncidents(Map.of(), Map.of());
        }
        Map<UUID, SeenIncident> seen = entityManager
                .createQuery(
                        "select distinct s from SeenIncident s left join fetch s.persons where s.incidentId in :ids",
                        SeenIncident.class)
                .setParameter("ids", incidentIds)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(SeenIncident::incidentId, Function.identity()));
        return new KnownIncidents(seen, expulsions(incidentIds));
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<Expulsion>> expulsions(Collection<UUID> incidentIds) {
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT incident_id, pseudonym, start_date FROM expulsion_seen WHERE incident_id = ANY (?1) ORDER BY start_date")
                .setParameter(1, incidentIds.toArray(UUID[]::new))
                .getResultList();
        return rows.stream()
                .map(r -> new Expulsion(
                        (UUID) r[0],
                        (String) r[1],
                        r[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[2]))
                .collect(Collectors.groupingBy(Expulsion::incidentId));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<UUID, String> incidentsOfPseudonym(String pseudonym, OffsetDateTime from, OffsetDateTime to) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT DISTINCT i.incident_id, i.school_location_id FROM incident_seen i
                        JOIN incident_person_seen p ON p.incident_id = i.incident_id
                        WHERE p.pseudonym = ?1 AND i.occurred_at BETWEEN ?2 AND ?3""")
                .setParameter(1, pseudonym)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
        Map<UUID, String> incidents = new HashMap<>();
        rows.forEach(r -> incidents.put((UUID) r[0], (String) r[1]));
        return incidents;
    }

    @Override
    public DistrictWindow districtWindow(String district, OffsetDateTime from, OffsetDateTime to) {
        Object[] counts = (Object[]) entityManager
                .createNativeQuery("""
                        SELECT count(*), count(DISTINCT school_location_id) FROM incident_seen
                        WHERE district_id = ?1 AND occurred_at BETWEEN ?2 AND ?3""")
                .setParameter(1, district)
                .setParameter(2, from)
                .setParameter(3, to)
                .getSingleResult();
        return new DistrictWindow(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }
}
