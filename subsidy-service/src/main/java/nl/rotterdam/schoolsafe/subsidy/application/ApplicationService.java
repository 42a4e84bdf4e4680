package nl.rotterdam.schoolsafe.subsidy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.SubsidyApplicationEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Etags;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import nl.rotterdam.schoolsafe.subsidy.allocation.Reservations;
import nl.rotterdam.schoolsafe.subsidy.programme.Ledger;
import nl.rotterdam.schoolsafe.subsidy.programme.Pot;
import nl.rotterdam.schoolsafe.subsidy.programme.PotSector;
import nl.rotterdam.schoolsafe.subsidy.programme.Programme;
import nl.rotterdam.schoolsafe.subsidy.register.Locations;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class ApplicationService {
    private static final List<ApplicationStatus> VISIBLE_TO_SCHOOLS = List.of(ApplicationStatus.GRANTED, ApplicationStatus.SETTLED);
    private final Locations locations;
    private final Ledger ledger;
    private final Reservations reservations;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final Clock clock;

    ApplicationService(Locations locations, Ledger ledger, Reservations reservations, Outbox outbox, Idempotency idempotency, Clock clock) {
        this.locations = locations;
        this.ledger = ledger;
        this.reservations = reservations;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public record Submitted(Versioned<ApplicationView> application, boolean replayed) {
    }

    @Transactional
    public Submitted submit(ApplicationRequest request, String idempotencyKey, Caller caller) {
        Programme programme = Programme.<Programme>findByIdOptional(request.programmeId())
                .orElseThrow(() -> ProblemException.invalid("programmeId", "is not a programme"));
        Locations.Location location = locations.find(request.schoolLocationId())
                .filter(l -> caller.boardId().map(l.boardId()::equals).orElse(false))
                .orElseThrow(() -> ProblemException.invalid("schoolLocationId", "is not a location of your board"));
        Pot pot = PotSector.ofLocationSector(location.sector()).flatMap(programme::pot)
                .orElseThrow(() -> ProblemException.invalid("schoolLocationId", "the programme has no pot for its sector " + location.sector()));
        Idempotency.Outcome outcome = idempotency.once("application", idempotencyKey, request, () -> {
            Application application = Application.submit(new Application.Request(programme.id, pot.id, location.boardId(),
                    location.schoolLocationId(), request.theme(), request.category(), request.amountCents(), request.plan()),
                    caller.subject(), now());
            application.persist();
            announce(EventTypes.SUBSIDY_APPLICATION_SUBMITTED, application, programme, pot);
            return application.id.toString();
        });
        Application stored = Application.findById(UUID.fromString(outcome.resourceId()));
        return new Submitted(new Versioned<>(ApplicationView.of(stored, true), stored.version), outcome.replayed());
    }

    /** The application if the caller may see it: its board, the municipality, or (once granted) the location's staff. */
    @Transactional
    public Optional<Versioned<ApplicationView>> read(UUID id, Caller caller) {
        return find(id, caller).map(a -> new Versioned<>(ApplicationView.of(a, seesPlan(caller)), a.version));
    }

    private Optional<Application> find(UUID id, Caller caller) {
        return Application.<Application>findByIdOptional(id).filter(a -> mayRead(a, caller));
    }

    private static boolean mayRead(Application a, Caller caller) {
        return switch (caller.role()) {
            case MUNICIPALITY -> true;
            case BOARD -> caller.boardId().map(a.boardId::equals).orElse(false);
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> caller.worksAt(a.schoolLocationId) && VISIBLE_TO_SCHOOLS.contains(a.status);
            default -> false;
        };
    }

    private static boolean seesPlan(Caller caller) {
        return caller.role() == Role.MUNICIPALITY || caller.role() == Role.BOARD;
    }

    @Transactional
    public Page<ApplicationView> list(UUID programmeId, ApplicationStatus status, String cursor, int limit, Caller caller) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        switch (caller.role()) {
            case MUNICIPALITY -> {
            }
            case BOARD -> {
                query.append(" and boardId = :board");
                parameters.put("board", caller.boardId().orElse(""));
            }
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> {
                query.append(" and schoolLocationId in :locations and status in :visible");
                parameters.put("locations", caller.schoolLocationIds().isEmpty() ? List.of("") : caller.schoolLocationIds());
                parameters.put("visible", VISIBLE_TO_SCHOOLS);
            }
            default -> {
                return new Page<>(List.of(), null);
            }
        }
        if (programmeId != null) {
            query.append(" and programmeId = :programme");
            parameters.put("programme", programmeId);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            query.append(" and (submittedAt < :at or (submittedAt = :at and id < :id))");
            parameters.put("at", OffsetDateTime.parse(keys.get(0)));
            parameters.put("id", UUID.fromString(keys.get(1)));
        }
        query.append(" order by submittedAt desc, id desc");
        List<Application> found = Application.<Application>find(query.toString(), parameters).page(0, limit + 1).list();
        boolean more = found.size() > limit;
        List<Application> page = more ? found.subList(0, limit) : found;
        String next = more ? Cursor.encode(page.get(limit - 1).submittedAt.toString(), page.get(limit - 1).id.toString()) : null;
        boolean plan = seesPlan(caller);
        return new Page<>(new ArrayList<>(page.stream().map(a -> ApplicationView.of(a, plan)).toList()), next);
    }

    /** The municipality's decision: a grant takes money from the pot at once, unless it must wait for a second officer. */
    @Transactional
    public Versioned<ApplicationView> decide(UUID id, String ifMatch, DecisionRequest request, Caller caller) {
        return change(id, ifMatch, caller, application -> {
            if (request.decision() == DecisionRequest.Decision.REJECT) {
                application.reject(request.reason(), caller.subject(), now());
                return;
            }
            Programme programme = Programme.findById(application.programmeId);
            long cents = request.amountCents() == null ? application.requestedCents : request.amountCents();
            application.approve(cents, request.reason(), caller.subject(), programme.needsSecondApprover(cents), now());
        });
    }

    @Transactional
    public Versioned<ApplicationView> confirm(UUID id, String ifMatch, Caller caller) {
        return change(id, ifMatch, caller, application -> application.confirmAsSecondApprover(caller.subject(), now()));
    }

    @Transactional
    public Versioned<ApplicationView> settle(UUID id, String ifMatch, SettlementRequest request, Caller caller) {
        return change(id, ifMatch, caller, application -> application.settle(request.amountCents(), now()));
    }

    /**
     * Applies one intention, announces the outcome, and moves the money last: the ledger entry
     * locks the pot's row until commit, so everything else is done before it.
     */
    private Versioned<ApplicationView> change(UUID id, String ifMatch, Caller caller, Consumer<Application> intention) {
        Application application = find(id, caller).orElseThrow(() -> ProblemException.notFound("application " + id));
        if (ifMatch != null) {
            Etags.requireMatch(ifMatch, application.version);
        }
        ApplicationStatus before = application.status;
        intention.accept(application);
        application.flush();
        Pot pot = Pot.findById(application.potId);
        if (application.status != before && application.status != ApplicationStatus.AWAITING_SECOND_APPROVAL) {
            announce(EventTypes.SUBSIDY_APPLICATION_DECIDED, application, pot.programme, pot);
        }
        if (application.status == ApplicationStatus.GRANTED && before != ApplicationStatus.GRANTED) {
            ledger.record(pot, grantEntries(application, pot), caller.subject(), now());
        } else if (application.status == ApplicationStatus.SETTLED && before != ApplicationStatus.SETTLED) {
            ledger.record(pot, List.of(new Ledger.Entry(Ledger.Kind.SETTLEMENT, application.grantedCents - application.settledCents,
                    application.id, application.schoolLocationId, null)), caller.subject(), now());
        }
        return new Versioned<>(ApplicationView.of(application, true), application.version);
    }

    /** The grant's ledger entries: what the location had reserved is released into the grant first. */
    private List<Ledger.Entry> grantEntries(Application application, Pot pot) {
        List<Ledger.Entry> entries = new ArrayList<>();
        reservations.draw(pot.id, application.schoolLocationId, application.grantedCents).ifPresent(drawn ->
                entries.add(new Ledger.Entry(Ledger.Kind.RELEASE, drawn.cents(), application.id, application.schoolLocationId,
                        drawn.allocationId())));
        entries.add(new Ledger.Entry(Ledger.Kind.GRANT, -application.grantedCents, application.id, application.schoolLocationId, null));
        return entries;
    }

    private void announce(String type, Application a, Programme programme, Pot pot) {
        outbox.record(Topics.SUBSIDY, type, a.id.toString(), new SubsidyApplicationEvent(a.id, programme.id, programme.schoolYear,
                pot.sector.name(), a.boardId, a.schoolLocationId, a.theme.name(), a.category.name(), a.status.name(), a.requestedCents,
                a.grantedCents, a.settledCents));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
