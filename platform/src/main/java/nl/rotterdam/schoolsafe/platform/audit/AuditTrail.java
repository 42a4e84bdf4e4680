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
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.time.Timestamps;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Append-only audit trail: who changed what, when, with the before and after of each changed field. */
@ApplicationScoped
public class AuditTrail {
    private final EntityManager entityManager;
    private final ObjectMapper json;

    AuditTrail(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    @Schema(name = "AuditChange", description = "A field's value before and after the change")
    public record Change(
            @Schema(ref = "JsonValue", required = true) Object before,
            @Schema(ref = "JsonValue", required = true) Object after) {}

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Change>> CHANGES =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

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

    @Schema(name = "AuditEntry", description = "One change to an aggregate: who, when, what, before and after")
    public record Entry(
            @Schema(required = true) OffsetDateTime recordedAt,
            @Schema(required = true) String actor,
            @Schema(required = true) String action,

            @Schema(description = "Each changed field by name")
            Map<String, Change> changes) {}

    /** One page of an aggregate's trail, oldest first; with an action, only the changes made by it. */
    public Page<Entry> entries(String aggregateType, String aggregateId, String action, PageRequest page) {
        StringBuilder sql =
                new StringBuilder("SELECT id, recorded_at, actor, action, CAST(changes AS text) FROM audit_entry"
                        + " WHERE aggregate_type = :type AND aggregate_id = :id");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("type", aggregateType);
        parameters.put("id", aggregateId);
        if (action != null) {
            sql.append(" AND action = :action");
            parameters.put("action", action);
        }
        if (page.cursor != null) {
            sql.append(" AND id > :after");
            parameters.put("after", Cursor.decode(page.cursor, 1).number(0));
        }
        sql.append(" ORDER BY id LIMIT :limit");
        parameters.put("limit", page.limit + 1);
        var query = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.from(rows, page.limit, this::entry, row -> Cursor.encode(((Number) row[0]).longValue()));
    }

    private Entry entry(Object[] row) {
        try {
            return new Entry(
                    Timestamps.toOffset(row[1]),
                    (String) row[2],
                    (String) row[3],
                    json.readValue((String) row[4], CHANGES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
