package nl.rotterdam.schoolsafe.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
        record(List.of(read));
    }

    /** Every read of one answer (a page, a chronology) in one statement, one record per data subject of each. */
    @Transactional
    public void record(Collection<Read> reads) {
        List<String[]> rows = new ArrayList<>();
        for (Read read : reads) {
            for (String subject : new LinkedHashSet<>(read.dataSubjects())) {
                rows.add(new String[] {read.purpose(), subject, read.recordType(), read.recordId(), read.owner()});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery("""
                        INSERT INTO processing_log (actor, role, purpose, data_subject, record_type, record_id, owner, trace_id)
                        SELECT ?1, ?2, r.purpose, r.subject, r.record_type, r.record_id, r.owner, ?3
                        FROM unnest(CAST(?4 AS text[]), CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]),
                                    CAST(?8 AS text[])) WITH ORDINALITY AS r(purpose, subject, record_type, record_id, owner, n)
                        ORDER BY r.n""")
                .setParameter(1, caller.subject())
                .setParameter(2, caller.role().name())
                .setParameter(3, trace.current().orElse(null))
                .setParameter(4, column(rows, 0))
                .setParameter(5, column(rows, 1))
                .setParameter(6, column(rows, 2))
                .setParameter(7, column(rows, 3))
                .setParameter(8, column(rows, 4))
                .executeUpdate();
    }

    private static String[] column(List<String[]> rows, int index) {
        return rows.stream().map(row -> row[index]).toArray(String[]::new);
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
