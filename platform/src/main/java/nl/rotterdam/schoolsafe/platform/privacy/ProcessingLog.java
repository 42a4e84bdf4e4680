package nl.rotterdam.schoolsafe.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.time.Timestamps;
import nl.rotterdam.schoolsafe.platform.tracing.TraceContext;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The append-only log of reads of personal data (after the Logboek dataverwerkingen standard):
 * one record per data subject per read, with who, role, purpose, when and the trace id.
 */
@ApplicationScoped
public class ProcessingLog {
    private final EntityManager entityManager;
    private final Caller caller;
    private final TraceContext trace;

    ProcessingLog(EntityManager entityManager, Caller caller, TraceContext trace) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.trace = trace;
    }

    /** What was read: the record, its owner (school location) and the pseudonyms it concerns. */
    public record Read(
            String recordType, String recordId, String owner, Collection<String> dataSubjects, String purpose) {}

    @Transactional
    public void record(Read read) {
        for (String subject : new LinkedHashSet<>(read.dataSubjects())) {
            entityManager
                    .createNativeQuery("""
                            INSERT INTO processing_log (actor, role, purpose, data_subject, record_type, record_id, owner, trace_id)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, caller.subject())
                    .setParameter(2, caller.role().name())
                    .setParameter(3, read.purpose())
                    .setParameter(4, subject)
                    .setParameter(5, read.recordType())
                    .setParameter(6, read.recordId())
                    .setParameter(7, read.owner())
                    .setParameter(8, trace.current().orElse(null))
                    .executeUpdate();
        }
    }

    @Schema(name = "ProcessingRecord")
    public record Entry(
            long id,
            OffsetDateTime loggedAt,
            String actor,
            String role,
            String purpose,
            String dataSubject,
            String recordType,
            String recordId,
            String owner,
            String traceId) {}

    /** Entries for the given owners, newest first, optionally for one data subject; keyset-paginated by id. */
    public List<Entry> entries(Collection<String> owners, String dataSubject, Long beforeId, int limit) {
        if (owners.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT id, logged_at, actor, role, purpose, data_subject, record_type, record_id, owner, trace_id
                        FROM processing_log
                        WHERE owner = ANY (CAST(?1 AS text[])) AND (CAST(?2 AS text) IS NULL OR data_subject = ?2)
                          AND (CAST(?3 AS bigint) IS NULL OR id < ?3)
                        ORDER BY id DESC LIMIT ?4""")
                .setParameter(1, owners.toArray(String[]::new))
                .setParameter(2, dataSubject)
                .setParameter(3, beforeId)
                .setParameter(4, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        ((Number) r[0]).longValue(),
                        Timestamps.toOffset(r[1]),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        (String) r[9]))
                .toList();
    }
}
