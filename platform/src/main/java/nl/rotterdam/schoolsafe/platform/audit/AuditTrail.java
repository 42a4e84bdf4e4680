package nl.rotterdam.schoolsafe.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.rotterdam.schoolsafe.platform.time.Timestamps;

/** Append-only audit trail: who changed what, when, with the before and after of each changed field. */
@ApplicationScoped
public class AuditTrail {
    private final EntityManager entityManager;
    private final ObjectMapper json;

    AuditTrail(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public record Change(Object before, Object after) {}

    /** The fields whose values differ between two snapshots of an aggregate. */
    public static Map<String, Change> diff(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (String field : after.keySet()) {
            Object was = before.get(field);
            Object is = after.get(field);
            if (!Objects.equals(was, is)) {
                changes.put(field, new Change(was, is));
            }
        }
        return changes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String aggregateType,
            String aggregateId,
            String owner,
            String actor,
            String action,
            Map<String, Change> changes) {
        try {
            entityManager
                    .createNativeQuery("""
                            INSERT INTO audit_entry (aggregate_type, aggregate_id, owner, actor, action, changes)
                            VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))""")
                    .setParameter(1, aggregateType)
                    .setParameter(2, aggregateId)
                    .setParameter(3, owner)
                    .setParameter(4, actor)
                    .setParameter(5, action)
                    .setParameter(6, json.writeValueAsString(changes))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit changes are not serialisable", e);
        }
    }

    public record Entry(OffsetDateTime recordedAt, String actor, String action, Map<String, Object> changes) {}

    @SuppressWarnings("unchecked")
    public List<Entry> entries(String aggregateType, String aggregateId) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT recorded_at, actor, action, CAST(changes AS text) FROM audit_entry
                        WHERE aggregate_type = ?1 AND aggregate_id = ?2 ORDER BY id""")
                .setParameter(1, aggregateType)
                .setParameter(2, aggregateId)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    try {
                        return new Entry(
                                Timestamps.toOffset(r[0]),
                                (String) r[1],
                                (String) r[2],
                                json.readValue((String) r[3], Map.class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
