package nl.rotterdam.schoolsafe.subsidy.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.time.Timestamps;

/** The municipality's figures, read straight from the ledger and the applications of a school year. */
@ApplicationScoped
public class ReportService {
    public enum GroupBy {
        CATEGORY("a.category"),
        THEME("a.theme"),
        BOARD("a.board_id"),
        LOCATION("a.school_location_id");

        private final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }

    private final EntityManager entityManager;

    ReportService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Reports.PotReport> pots(String schoolYear) {
        List<Object[]> rows =
                entityManager.createNativeQuery("""
                        SELECT p.id, g.id, g.name, g.school_year, p.sector, p.amount_cents, p.balance_cents,
                               COALESCE((SELECT sum(e.amount_cents) FROM ledger_entry e WHERE e.pot_id = p.id), 0),
                               COALESCE((SELECT -sum(e.amount_cents) FROM ledger_entry e WHERE e.pot_id = p.id AND e.kind = 'GRANT'), 0),
                               COALESCE((SELECT sum(e.amount_cents) FROM ledger_entry e WHERE e.pot_id = p.id AND e.kind = 'SETTLEMENT'), 0),
                               COALESCE((SELECT sum(l.reserved_left_cents) FROM allocation_line l JOIN allocation a ON a.id = l.allocation_id
                                         WHERE a.pot_id = p.id AND a.status = 'CONFIRMED'), 0),
                               p.exhausted_at
                        FROM pot p JOIN programme g ON g.id = p.programme_id
                        WHERE g.school_year = ?1 ORDER BY g.created_at, p.sector""").setParameter(1, schoolYear).getResultList();
        return rows.stream()
                .map(r -> new Reports.PotReport(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        longOf(r[5]),
                        longOf(r[6]),
                        longOf(r[7]),
                        longOf(r[8]),
                        longOf(r[9]),
                        longOf(r[10]),
                        r[11] == null ? null : Timestamps.toOffset(r[11])))
                .toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Reports.SpendingLine> spending(String schoolYear, GroupBy groupBy) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT %s, count(*), COALESCE(sum(a.granted_cents), 0), COALESCE(sum(a.settled_cents), 0)
                        FROM application a JOIN programme g ON g.id = a.programme_id
                        WHERE g.school_year = ?1 AND a.status IN ('GRANTED', 'SETTLED')
                        GROUP BY 1 ORDER BY 1""".formatted(groupBy.column))
                .setParameter(1, schoolYear)
                .getResultList();
        return rows.stream()
                .map(r -> new Reports.SpendingLine((String) r[0], longOf(r[1]), longOf(r[2]), longOf(r[3])))
                .toList();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Reports.DecisionCounts decisions(String schoolYear) {
        Object[] r = (Object[])
                entityManager.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE a.granted_cents = a.requested_cents),
                               count(*) FILTER (WHERE a.granted_cents < a.requested_cents),
                               count(*) FILTER (WHERE a.status = 'REJECTED'),
                               count(*) FILTER (WHERE a.status IN ('REQUESTED', 'AWAITING_SECOND_APPROVAL'))
                        FROM application a JOIN programme g ON g.id = a.programme_id WHERE g.school_year = ?1""").setParameter(1, schoolYear).getSingleResult();
        return new Reports.DecisionCounts(schoolYear, longOf(r[0]), longOf(r[1]), longOf(r[2]), longOf(r[3]));
    }

    /** Granted subsidies in the 360Giving data standard's fields; amounts in euros, awarded and disbursed from the ledger. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Giving360.Grant> grants(String schoolYear, PageRequest page) {
        OffsetDateTime afterAt = OffsetDateTime.parse("1970-01-01T00:00:00Z");
        UUID afterId = new UUID(0, 0);
        if (page.cursor != null) {
            Cursor position = Cursor.decode(page.cursor, 2);
            afterAt = position.time(0);
            afterId = position.id(1);
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT a.id, a.theme, a.category, a.requested_cents, a.decided_at, a.board_id, b.name, g.id, g.name,
                               a.school_location_id, l.name, l.district,
                               COALESCE((SELECT -sum(e.amount_cents) FROM ledger_entry e WHERE e.application_id = a.id AND e.kind = 'GRANT'), 0),
                               (SELECT sum(e.amount_cents) FROM ledger_entry e WHERE e.application_id = a.id AND e.kind = 'SETTLEMENT'),
                               a.status
                        FROM application a JOIN programme g ON g.id = a.programme_id
                        LEFT JOIN board_seen b ON b.board_id = a.board_id
                        LEFT JOIN location_seen l ON l.school_location_id = a.school_location_id
                        WHERE g.school_year = ?1 AND a.status IN ('GRANTED', 'SETTLED') AND (a.decided_at, a.id) > (?2, ?3)
                        ORDER BY a.decided_at, a.id LIMIT ?4""")
                .setParameter(1, schoolYear)
                .setParameter(2, afterAt)
                .setParameter(3, afterId)
                .setParameter(4, page.limit + 1)
                .getResultList();
        return Page.from(
                rows,
                page.limit,
                r -> {
                    long awarded = longOf(r[12]);
                    Long returned = r[13] == null ? null : longOf(r[13]);
                    return Giving360.grant(
                            (UUID) r[0],
                            (String) r[1],
                            (String) r[2],
                            longOf(r[3]),
                            awarded,
                            returned == null ? null : awarded - returned,
                            Timestamps.toOffset(r[4]),
                            (String) r[5],
                            (String) r[6],
                            (UUID) r[7],
                            (String) r[8],
                            (String) r[9],
                            (String) r[10],
                            (String) r[11]);
                },
                r -> Cursor.encode(Timestamps.toOffset(r[4]), (UUID) r[0]));
    }

    private static long longOf(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
