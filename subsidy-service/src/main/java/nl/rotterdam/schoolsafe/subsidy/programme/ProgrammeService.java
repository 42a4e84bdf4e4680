package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
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
                    request.schoolYear(), request.name(), request.method(), request.fourEyesAboveCents(), now);
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
    public List<ProgrammeView> list(String schoolYear) {
        List<Programme> programmes = schoolYear == null
                ? Programme.list("order by schoolYear desc, createdAt")
                : Programme.list("schoolYear = ?1 order by createdAt", schoolYear);
        return programmes.stream().map(this::view).toList();
    }

    private ProgrammeView view(Programme programme) {
        return ProgrammeView.of(programme, pot -> ledger.balance(pot.id()));
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<LedgerEntryView> ledger(UUID programmeId) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT e.id, e.pot_id, e.kind, e.amount_cents, e.application_id, e.school_location_id, e.allocation_id,
                               e.recorded_at, e.recorded_by
                        FROM ledger_entry e JOIN pot p ON p.id = e.pot_id WHERE p.programme_id = ?1 ORDER BY e.id""")
                .setParameter(1, programmeId)
                .getResultList();
        return rows.stream()
                .map(r -> new LedgerEntryView(
                        ((Number) r[0]).longValue(),
                        (UUID) r[1],
                        Ledger.Kind.valueOf((String) r[2]),
                        ((Number) r[3]).longValue(),
                        (UUID) r[4],
                        (String) r[5],
                        (UUID) r[6],
                        Timestamps.toOffset(r[7]),
                        (String) r[8]))
                .toList();
    }
}
