package nl.rotterdam.schoolsafe.subsidy.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.time.Timestamps;
import nl.rotterdam.schoolsafe.subsidy.application.ApplicationStatus;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;

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

    private static final int EXPORT_PAGE = 500;
    private static final int MAX_EXPORTED = 10_000;
    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final EntityManager entityManager;
    private final Giving360Config giving360;

    ReportService(EntityManager entityManager, Giving360Config giving360) {
        this.entityManager = entityManager;
        this.giving360 = giving360;
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

    private static final String OUTCOME_COUNTS = """
            count(*) FILTER (WHERE a.granted_cents = a.requested_cents),
            count(*) FILTER (WHERE a.granted_cents < a.requested_cents),
            count(*) FILTER (WHERE a.status = 'REJECTED'),
            count(*) FILTER (WHERE a.status IN ('REQUESTED', 'AWAITING_SECOND_APPROVAL'))""";

    /** The year's outcomes in all, per programme and within it per evidence level, and the grants made as exceptions. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Reports.DecisionCounts decisions(String schoolYear) {
        Object[] total = (Object[]) entityManager
                .createNativeQuery("SELECT " + OUTCOME_COUNTS
                        + " FROM application a JOIN programme g ON g.id = a.programme_id WHERE g.school_year = ?1")
                .setParameter(1, schoolYear)
                .getSingleResult();
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT g.id, g.name, g.method, COALESCE(a.evidence_level, 'NOT_NAMED'), "
                        + OUTCOME_COUNTS
                        + ", count(a.id)"
                        + """
                         FROM programme g LEFT JOIN application a ON a.programme_id = g.id WHERE g.school_year = ?1
                        GROUP BY g.id, g.name, g.method, g.created_at, 4 ORDER BY g.created_at, g.id, 4""")
                .setParameter(1, schoolYear)
                .getResultList();
        Map<UUID, List<Object[]>> perProgramme = new LinkedHashMap<>();
        rows.forEach(r -> perProgramme
                .computeIfAbsent((UUID) r[0], id -> new ArrayList<>())
                .add(r));
        List<Reports.ProgrammeDecisions> programmes = perProgramme.values().stream()
                .map(levels -> {
                    // a programme without applications yet is listed with no evidence levels
                    List<Reports.EvidenceDecisions> byLevel = levels.stream()
                            .filter(r -> longOf(r[8]) > 0)
                            .map(r -> new Reports.EvidenceDecisions(
                                    (String) r[3], longOf(r[4]), longOf(r[5]), longOf(r[6]), longOf(r[7])))
                            .toList();
                    Object[] first = levels.get(0);
                    return new Reports.ProgrammeDecisions(
                            (UUID) first[0],
                            (String) first[1],
                            AllocationMethod.valueOf((String) first[2]),
                            byLevel.stream()
                                    .mapToLong(Reports.EvidenceDecisions::approved)
                                    .sum(),
                            byLevel.stream()
                                    .mapToLong(Reports.EvidenceDecisions::partlyApproved)
                                    .sum(),
                            byLevel.stream()
                                    .mapToLong(Reports.EvidenceDecisions::rejected)
                                    .sum(),
                            byLevel.stream()
                                    .mapToLong(Reports.EvidenceDecisions::undecided)
                                    .sum(),
                            byLevel);
                })
                .toList();
        List<Object[]> exceptions =
                entityManager.createNativeQuery("""
                        SELECT a.id, a.programme_id, a.school_location_id, a.board_id, a.status,
                               COALESCE(a.granted_cents, a.proposed_cents), a.exception_reason, a.decided_at,
                               COALESCE(a.decided_by, a.proposed_by), a.second_approver
                        FROM application a JOIN programme g ON g.id = a.programme_id
                        WHERE g.school_year = ?1 AND a.exception_reason IS NOT NULL
                          AND a.status IN ('AWAITING_SECOND_APPROVAL', 'GRANTED', 'SETTLED')
                        ORDER BY a.submitted_at, a.id""").setParameter(1, schoolYear).getResultList();
        return new Reports.DecisionCounts(
                schoolYear,
                longOf(total[0]),
                longOf(total[1]),
                longOf(total[2]),
                longOf(total[3]),
                programmes,
                exceptions.stream()
                        .map(r -> new Reports.ExceptionGrant(
                                (UUID) r[0],
                                (UUID) r[1],
                                (String) r[2],
                                (String) r[3],
                                ApplicationStatus.valueOf((String) r[4]),
                                longOf(r[5]),
                                (String) r[6],
                                r[7] == null ? null : Timestamps.toOffset(r[7]),
                                (String) r[8],
                                (String) r[9]))
                        .toList());
    }

    /** Granted subsidies in the 360Giving data standard's fields; amounts in euros, awarded and disbursed from the ledger. */
    @Transactional
    public Page<Giving360.Grant> grants(String schoolYear, PageRequest page) {
        return grants(schoolYear, page.cursor, page.limit);
    }

    /** A school year's grants as one 360Giving data package, read a page at a time. */
    @Transactional
    public Giving360.Package export(String schoolYear) {
        List<Giving360.Grant> grants = new ArrayList<>();
        String cursor = null;
        do {
            Page<Giving360.Grant> page = grants(schoolYear, cursor, EXPORT_PAGE);
            grants.addAll(page.items());
            cursor = page.nextCursor();
            if (grants.size() > MAX_EXPORTED) {
                throw ProblemException.conflict(
                        "export-too-large",
                        "Too many grants for one export",
                        "more than " + MAX_EXPORTED + " grants in " + schoolYear + "; read them with the paged list");
            }
        } while (cursor != null);
        return new Giving360.Package(grants);
    }

    /** The same grants in the standard's spreadsheet columns, a header line first. */
    @Transactional
    public String exportCsv(String schoolYear) {
        List<Giving360.Row> rows =
                export(schoolYear).grants().stream().map(Giving360.Row::of).toList();
        try {
            return CSV.writer(CSV.schemaFor(Giving360.Row.class).withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the 360Giving rows did not write as CSV", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Page<Giving360.Grant> grants(String schoolYear, String cursor, int limit) {
        OffsetDateTime afterAt = OffsetDateTime.parse("1970-01-01T00:00:00Z");
        UUID afterId = new UUID(0, 0);
        if (cursor != null) {
            Cursor position = Cursor.decode(cursor, 2);
            afterAt = position.time(0);
            afterId = position.id(1);
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT a.id, a.category, a.requested_cents, a.decided_at, a.board_id, b.name, g.id, g.name,
                               a.school_location_id, l.name, l.district,
                               COALESCE((SELECT -sum(e.amount_cents) FROM ledger_entry e WHERE e.application_id = a.id AND e.kind = 'GRANT'), 0),
                               (SELECT sum(e.amount_cents) FROM ledger_entry e WHERE e.application_id = a.id AND e.kind = 'SETTLEMENT')
                        FROM application a JOIN programme g ON g.id = a.programme_id
                        LEFT JOIN board_seen b ON b.board_id = a.board_id
                        LEFT JOIN location_seen l ON l.school_location_id = a.school_location_id
                        WHERE g.school_year = ?1 AND a.status IN ('GRANTED', 'SETTLED') AND (a.decided_at, a.id) > (?2, ?3)
                        ORDER BY a.decided_at, a.id LIMIT ?4""")
                .setParameter(1, schoolYear)
                .setParameter(2, afterAt)
                .setParameter(3, afterId)
                .setParameter(4, limit + 1)
                .getResultList();
        return Page.from(
                rows, limit, r -> grant(schoolYear, r), r -> Cursor.encode(Timestamps.toOffset(r[3]), (UUID) r[0]));
    }

    private Giving360.Grant grant(String schoolYear, Object[] r) {
        UUID applicationId = (UUID) r[0];
        Category category = Category.valueOf((String) r[1]);
        long awarded = longOf(r[11]);
        Long returned = r[12] == null ? null : longOf(r[12]);
        String boardId = (String) r[4];
        String programmeName = (String) r[7];
        String locationId = (String) r[8];
        String locationName = r[9] == null ? locationId : (String) r[9];
        String place = locationName + (r[10] == null ? "" : ", " + r[10]);
        return new Giving360.Grant(
                giving360.prefix() + "-" + applicationId,
                programmeName + " - " + category.name() + " - " + locationName,
                "%s: %s at %s, school year %s".formatted(programmeName, category.purpose(), place, schoolYear),
                "EUR",
                euros(longOf(r[2])),
                euros(awarded),
                returned == null ? null : euros(awarded - returned),
                Timestamps.toOffset(r[3]).toLocalDate(),
                List.of(new Giving360.Organisation(
                        giving360.prefix() + "-board-" + boardId, r[5] == null ? boardId : (String) r[5])),
                List.of(new Giving360.Organisation(giving360.funderId(), giving360.funderName())),
                List.of(new Giving360.Programme(r[6].toString(), programmeName)),
                List.of(new Giving360.Location(place, locationId, "SCHOOL_LOCATION")));
    }

    private static long longOf(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
