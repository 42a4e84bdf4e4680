package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Keyset;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.time.Timestamps;

@ApplicationScoped
public class ProgrammeService {
    private final Changes changes;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final EntityManager entityManager;
    private final Clock clock;

    ProgrammeService(
            Changes changes, Ledger ledger, Idempotency idempotency, EntityManager entityManager, Clock clock) {
        this.changes = changes;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Starts a programme and funds each pot with a first ledger entry, so the balance is the ledger's sum from the start. */
    @Transactional
    public Created<ProgrammeView> start(ProgrammeRequest request, String idempotencyKey, Caller caller) {
        Idempotency.Outcome outcome = idempotency.once("programme", idempotencyKey, request, () -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Programme programme = Programme.start(
                    request.schoolYear(),
                    request.name(),
                    request.method(),
                    request.fourEyesAboveCents(),
                    request.acceptedEvidenceLevels() == null ? Set.of() : Set.copyOf(request.acceptedEvidenceLevels()),
                    now);
            request.pots().forEach(p -> programme.fund(p.sector(), p.amountCents()));
            changes.create(programme, caller.subject(), "start");
            // after the create, as the entries need the pot rows; funding never empties a pot, so it registers no event
            programme
                    .pots()
                    .forEach(pot -> ledger.record(
                            pot, List.of(Ledger.Entry.funding(pot.amountCents())), caller.subject(), now));
            return programme.id().toString();
        });
        Programme programme = Programme.findById(UUID.fromString(outcome.resourceId()));
        return new Created<>(
                new Versioned<>(view(programme), programme.version()), outcome.resourceId(), outcome.replayed());
    }

    @Transactional
    public Optional<ProgrammeView> find(UUID id) {
        return Programme.<Programme>findByIdOptional(id).map(this::view);
    }

    @Transactional
    public Page<ProgrammeView> list(String schoolYear, PageRequest page) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        String query = "1 = 1";
        if (schoolYear != null) {
            query = "schoolYear = :schoolYear";
            parameters.put("schoolYear", schoolYear);
        }
        List<Programme> rows = Programme.<Programme>find(
                        query + NEWEST_FIRST.after(page.cursor, parameters) + NEWEST_FIRST.orderBy(), parameters)
                .page(0, page.limit + 1)
                .list();
        return NEWEST_FIRST.page(rows, page.limit, Programme::createdAt, Programme::id, this::view);
    }

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("createdAt", "id");

    private ProgrammeView view(Programme programme) {
        return ProgrammeView.of(programme, pot -> ledger.balance(pot.id()));
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<LedgerEntryView> ledger(UUID programmeId, PageRequest page) {
        long after = page.cursor == null ? 0 : Cursor.decode(page.cursor, 1).number(0);
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT e.id, e.pot_id, e.kind, e.amount_cents, e.application_id, e.school_location_id, e.allocation_id,
                               e.recorded_at, e.recorded_by
                        FROM ledger_entry e JOIN pot p ON p.id = e.pot_id WHERE p.programme_id = ?1 AND e.id > ?2
                        ORDER BY e.id LIMIT ?3""")
                .setParameter(1, programmeId)
                .setParameter(2, after)
                .setParameter(3, page.limit + 1)
                .getResultList();
        return Page.from(rows, page.limit, ProgrammeService::entry, r -> Cursor.encode(((Number) r[0]).longValue()));
    }

    private static LedgerEntryView entry(Object[] r) {
        return new LedgerEntryView(
                ((Number) r[0]).longValue(),
                (UUID) r[1],
                Ledger.Kind.valueOf((String) r[2]),
                ((Number) r[3]).longValue(),
                (UUID) r[4],
                (String) r[5],
                (UUID) r[6],
                Timestamps.toOffset(r[7]),
                (String) r[8]);
    }
}
