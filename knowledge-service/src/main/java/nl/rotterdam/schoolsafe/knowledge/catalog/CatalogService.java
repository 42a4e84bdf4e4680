package nl.rotterdam.schoolsafe.knowledge.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Etags;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class CatalogService {
    private final EntityManager entityManager;
    private final Idempotency idempotency;

    CatalogService(EntityManager entityManager, Idempotency idempotency) {
        this.entityManager = entityManager;
        this.idempotency = idempotency;
    }

    public record Created(Versioned<OfferingView> offering, UUID id, boolean replayed) {
    }

    @Transactional
    public Created create(OfferingRequest request, String idempotencyKey) {
        Idempotency.Outcome outcome = idempotency.once("offering", idempotencyKey, request, () -> {
            if (Offering.count("code", request.code()) > 0) {
                throw codeTaken(request.code());
            }
            Offering offering = Offering.create(request);
            offering.persist();
            try {
                Offering.flush();
            } catch (ConstraintViolationException e) {
                // two creates with one code at once: the unique constraint decides
                throw codeTaken(request.code());
            }
            return offering.id.toString();
        });
        Offering offering = Offering.findById(UUID.fromString(outcome.resourceId()));
        return new Created(new Versioned<>(OfferingView.of(offering, null), offering.version), offering.id, outcome.replayed());
    }

    private static ProblemException codeTaken(String code) {
        return ProblemException.conflict("offering-code-taken", "Code already in use", "another offering already has the code " + code);
    }

    @Transactional
    public Versioned<OfferingView> revise(UUID id, String ifMatch, OfferingRequest request) {
        Offering offering = Offering.<Offering>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("offering " + id));
        Etags.requireMatch(ifMatch, offering.version);
        if (!offering.code.equals(request.code())) {
            throw ProblemException.invalid("code", "cannot change; it was " + offering.code);
        }
        offering.describe(request);
        Offering.flush();
        return new Versioned<>(OfferingView.of(offering, null), offering.version);
    }

    @Transactional
    public Optional<Versioned<OfferingView>> read(UUID id) {
        return Offering.<Offering>findByIdOptional(id).map(o -> new Versioned<>(OfferingView.of(o, null), o.version));
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
        UUID after = filter.cursor == null ? null : parseId(Cursor.decode(filter.cursor, 1).get(0));
        String sortKey = searching ? "ts_rank(o.search, dutch_search_query(?1))" : "o.title";
        StringBuilder sql = new StringBuilder("SELECT CAST(o.id AS text), ").append(sortKey).append(" FROM offering o WHERE ")
                .append(searching ? "o.search @@ dutch_search_query(?1)" : "CAST(?1 AS text) IS NULL")
                .append(" AND (CAST(?2 AS text) IS NULL OR ?2 = ANY (o.themes))")
                .append(" AND (CAST(?3 AS text) IS NULL OR ?3 = ANY (o.audiences))")
                .append(" AND (CAST(?4 AS text) IS NULL OR ?4 = ANY (o.sectors))")
                .append(" AND (CAST(?5 AS text) IS NULL OR o.evidence_level = ?5)");
        if (after != null) {
            String cursorKey = "(SELECT " + sortKey + " FROM offering o WHERE o.id = CAST(?6 AS uuid))";
            sql.append(searching
                    ? " AND (" + sortKey + " < " + cursorKey + " OR (" + sortKey + " = " + cursorKey + " AND o.id > CAST(?6 AS uuid)))"
                    : " AND (o.title, o.id) > (" + cursorKey + ", CAST(?6 AS uuid))");
        } else {
            sql.append(" AND CAST(?6 AS text) IS NULL");
        }
        sql.append(searching ? " ORDER BY 2 DESC, o.id" : " ORDER BY o.title, o.id").append(" LIMIT ?7");
        Query query = entityManager.createNativeQuery(sql.toString())
                .setParameter(1, searching ? filter.searchWords() : null)
                .setParameter(2, filter.theme).setParameter(3, filter.audience)
                .setParameter(4, filter.sector).setParameter(5, filter.evidenceLevel)
                .setParameter(6, after == null ? null : after.toString())
                .setParameter(7, filter.limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > filter.limit;
        List<Object[]> page = more ? rows.subList(0, filter.limit) : rows;
        Map<UUID, Object> keys = new LinkedHashMap<>();
        page.forEach(r -> keys.put(UUID.fromString((String) r[0]), r[1]));
        Map<UUID, Offering> offerings = keys.isEmpty() ? Map.of() : Offering.<Offering>list("id in ?1", keys.keySet()).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<OfferingView> items = new ArrayList<>();
        keys.forEach((id, key) -> items.add(OfferingView.of(offerings.get(id), searching ? ((Number) key).floatValue() : null)));
        return new Page<>(items, more ? Cursor.encode((String) page.get(page.size() - 1)[0]) : null);
    }

    private static UUID parseId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
