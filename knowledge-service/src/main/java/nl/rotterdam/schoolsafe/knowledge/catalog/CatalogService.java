package nl.rotterdam.schoolsafe.knowledge.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import org.hibernate.exception.ConstraintViolationException;

@ApplicationScoped
public class CatalogService {
    private final EntityManager entityManager;
    private final Idempotency idempotency;
    private final Changes changes;

    CatalogService(EntityManager entityManager, Idempotency idempotency, Changes changes) {
        this.entityManager = entityManager;
        this.idempotency = idempotency;
        this.changes = changes;
    }

    @Transactional
    public Created<OfferingView> create(OfferingRequest request, String idempotencyKey, Caller caller) {
        Idempotency.Outcome outcome = idempotency.once("offering", idempotencyKey, request, () -> {
            if (Offering.count("code", request.code()) > 0) {
                throw codeTaken(request.code());
            }
            try {
                return changes.create(Offering.create(request), caller.subject(), "add")
                        .id()
                        .toString();
            } catch (ConstraintViolationException e) {
                // two creates with one code at once: the unique constraint decides
                throw codeTaken(request.code());
            }
        });
        Offering offering = Offering.findById(UUID.fromString(outcome.resourceId()));
        return new Created<>(
                new Versioned<>(OfferingView.of(offering, null), offering.version()),
                outcome.resourceId(),
                outcome.replayed());
    }

    private static ProblemException codeTaken(String code) {
        return ProblemException.conflict(
                "offering-code-taken", "Code already in use", "another offering already has the code " + code);
    }

    @Transactional
    public Versioned<OfferingView> revise(UUID id, String ifMatch, OfferingRequest request, Caller caller) {
        Offering offering = changes.of(Offering.<Offering>findByIdOptional(id), "offering " + id)
                .ifMatch(ifMatch)
                .by(caller.subject())
                .apply("revise", o -> o.revise(request));
        return new Versioned<>(OfferingView.of(offering, null), offering.version());
    }

    @Transactional
    public Optional<Versioned<OfferingView>> read(UUID id) {
        return Offering.<Offering>findByIdOptional(id).map(o -> new Versioned<>(OfferingView.of(o, null), o.version()));
    }

    /** Offerings by code, for recommendations. */
    public List<Offering> byCodes(List<String> codes) {
        return Offering.list("code in ?1 order by title", codes);
    }

    /**
     * Searching: ranked by relevance (ts_rank over the Dutch vector), then id; otherwise by title, then id.
     * The cursor names the last offering shown; its sort key is looked up again, so pages stay stable
     * while offerings are added.
     */
    @Transactional
    public Page<OfferingView> list(CatalogFilter filter) {
        boolean searching = filter.searching();
        UUID after =
                filter.cursor == null ? null : Cursor.decode(filter.cursor, 1).id(0);
        String sortKey = searching ? "ts_rank(o.search, dutch_search_query(?1))" : "o.title";
        StringBuilder sql = new StringBuilder("SELECT CAST(o.id AS text), ")
                .append(sortKey)
                .append(" FROM offering o WHERE ")
                .append(searching ? "o.search @@ dutch_search_query(?1)" : "CAST(?1 AS text) IS NULL")
                .append(" AND (CAST(?2 AS text) IS NULL OR ?2 = ANY (o.themes))")
                .append(" AND (CAST(?3 AS text) IS NULL OR ?3 = ANY (o.audiences))")
                .append(" AND (CAST(?4 AS text) IS NULL OR ?4 = ANY (o.sectors))")
                .append(" AND (CAST(?5 AS text) IS NULL OR o.evidence_level = ?5)");
        if (after != null) {
            String cursorKey = "(SELECT " + sortKey + " FROM offering o WHERE o.id = CAST(?6 AS uuid))";
            sql.append(
                    searching
                            ? " AND (" + sortKey + " < " + cursorKey + " OR (" + sortKey + " = " + cursorKey
                                    + " AND o.id > CAST(?6 AS uuid)))"
                            : " AND (o.title, o.id) > (" + cursorKey + ", CAST(?6 AS uuid))");
        } else {
            sql.append(" AND CAST(?6 AS text) IS NULL");
        }
        sql.append(searching ? " ORDER BY 2 DESC, o.id" : " ORDER BY o.title, o.id")
                .append(" LIMIT ?7");
        Query query = entityManager
                .createNativeQuery(sql.toString())
                .setParameter(1, searching ? filter.searchWords() : null)
                .setParameter(2, filter.theme)
                .setParameter(3, filter.audience)
                .setParameter(4, filter.sector)
                .setParameter(5, filter.evidenceLevel)
                .setParameter(6, after == null ? null : after.toString())
                .setParameter(7, filter.limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<UUID> shown =
                rows.stream().limit(filter.limit).map(CatalogService::id).toList();
        Map<UUID, Offering> offerings = shown.isEmpty()
                ? Map.of()
                : Offering.<Offering>list("id in ?1", shown).stream()
                        .collect(Collectors.toMap(Offering::id, Function.identity()));
        return Page.from(
                rows,
                filter.limit,
                r -> OfferingView.of(offerings.get(id(r)), searching ? ((Number) r[1]).floatValue() : null),
                r -> Cursor.encode(id(r)));
    }

    private static UUID id(Object[] row) {
        return UUID.fromString((String) row[0]);
    }
}
