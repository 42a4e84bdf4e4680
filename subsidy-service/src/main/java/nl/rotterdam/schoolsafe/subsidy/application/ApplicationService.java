package nl.rotterdam.schoolsafe.subsidy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Keyset;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import nl.rotterdam.schoolsafe.subsidy.allocation.AllocationConfig;
import nl.rotterdam.schoolsafe.subsidy.allocation.Reservations;
import nl.rotterdam.schoolsafe.subsidy.intervention.CatalogOffering;
import nl.rotterdam.schoolsafe.subsidy.intervention.Interventions;
import nl.rotterdam.schoolsafe.subsidy.programme.AllocationMethod;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;
import nl.rotterdam.schoolsafe.subsidy.programme.Ledger;
import nl.rotterdam.schoolsafe.subsidy.programme.Pot;
import nl.rotterdam.schoolsafe.subsidy.programme.Programme;
import nl.rotterdam.schoolsafe.subsidy.register.Locations;

/**
 * Applications and their decisions. Money moves last in every change ({@code finallyDo}): the
 * ledger entry locks the pot's row until commit, so everything else is done before it.
 */
@ApplicationScoped
public class ApplicationService {
    private static final List<ApplicationStatus> VISIBLE_TO_SCHOOLS =
            List.of(ApplicationStatus.GRANTED, ApplicationStatus.SETTLED);
    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("submittedAt", "id");
    private final Changes changes;
    private final Locations locations;
    private final Ledger ledger;
    private final Reservations reservations;
    private final Interventions interventions;
    private final Idempotency idempotency;
    private final AllocationConfig allocationConfig;
    private final ApplicationConfig config;
    private final Clock clock;

    ApplicationService(
            Changes changes,
            Locations locations,
            Ledger ledger,
            Reservations reservations,
            Interventions interventions,
            Idempotency idempotency,
            AllocationConfig allocationConfig,
            ApplicationConfig config,
            Clock clock) {
        this.changes = changes;
        this.locations = locations;
        this.ledger = ledger;
        this.reservations = reservations;
        this.interventions = interventions;
        this.idempotency = idempotency;
        this.allocationConfig = allocationConfig;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Created<ApplicationView> submit(ApplicationRequest request, String idempotencyKey, Caller caller) {
        Programme programme = Programme.<Programme>findByIdOptional(request.programmeId())
                .orElseThrow(() -> ProblemException.invalid("programmeId", "is not a programme"));
        Locations.Location location = locations
                .find(request.schoolLocationId())
                .filter(l -> caller.boardId().map(l.boardId()::equals).orElse(false))
                .orElseThrow(() -> ProblemException.invalid("schoolLocationId", "is not a location of your board"));
        Pot pot = programme
                .potFor(location.sector())
                .orElseThrow(() -> ProblemException.invalid(
                        "schoolLocationId", "the programme has no pot for its sector " + location.sector()));
        CatalogOffering offering = request.interventionId() == null
                ? null
                : interventions
                        .find(request.interventionId())
                        .orElseThrow(() ->
                                ProblemException.invalid("interventionId", "is not an intervention in the catalog"));
        Idempotency.Outcome outcome = idempotency.once("application", idempotencyKey, request, () -> {
            Application application = Application.submit(
                    new Application.Request(
                            pot,
                            location.boardId(),
                            location.schoolLocationId(),
                            request.theme(),
                            request.category(),
                            request.amountCents(),
                            request.plan(),
                            location.sector(),
                            offering),
                    caller.subject(),
                    now());
            return changes.create(application, caller.subject(), "submit").id().toString();
        });
        Application stored = Application.findById(UUID.fromString(outcome.resourceId()));
        return new Created<>(view(stored, caller), outcome.resourceId(), outcome.replayed());
    }

    /** The application if the caller may see it: its board, the municipality, or (once granted) the location's staff. */
    @Transactional
    public Optional<Versioned<ApplicationView>> read(UUID id, Caller caller) {
        return find(id, caller).map(a -> view(a, caller));
    }

    private Optional<Application> find(UUID id, Caller caller) {
        return Application.<Application>findByIdOptional(id).filter(a -> mayRead(a, caller));
    }

    private static boolean mayRead(Application a, Caller caller) {
        return switch (caller.role()) {
            case MUNICIPALITY -> true;
            case BOARD -> caller.boardId().map(a.boardId()::equals).orElse(false);
            case SCHOOL_STAFF, SAFETY_COORDINATOR ->
                caller.worksAt(a.schoolLocationId()) && VISIBLE_TO_SCHOOLS.contains(a.status());
            default -> false;
        };
    }

    private static boolean seesPlan(Caller caller) {
        return caller.role() == Role.MUNICIPALITY || caller.role() == Role.BOARD;
    }

    @Transactional
    public Page<ApplicationView> list(
            UUID programmeId, ApplicationStatus status, String cursor, int limit, Caller caller) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        switch (caller.role()) {
            case MUNICIPALITY -> {}
            case BOARD -> {
                query.append(" and boardId = :board");
                parameters.put("board", caller.boardId().orElse(""));
            }
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> {
                query.append(" and schoolLocationId in :locations and status in :visible");
                parameters.put(
                        "locations", caller.schoolLocationIds().isEmpty() ? List.of("") : caller.schoolLocationIds());
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
        query.append(NEWEST_FIRST.after(cursor, parameters)).append(NEWEST_FIRST.orderBy());
        List<Application> found = Application.<Application>find(query.toString(), parameters)
                .page(0, limit + 1)
                .list();
        return NEWEST_FIRST.page(found, limit, Application::submittedAt, Application::id, a -> viewOf(a, caller));
    }

    /** The municipality's decision: a grant takes money from the pot at once, unless it must wait for a second officer. */
    @Transactional
    public Versioned<ApplicationView> decide(UUID id, String ifMatch, DecisionRequest request, Caller caller) {
        boolean reject = request.decision() == DecisionRequest.Decision.REJECT;
        if (reject && request.exceptionReason() != null) {
            throw ProblemException.invalid("exceptionReason", "is for a grant; a rejection gives its reason in reason");
        }
        return view(
                changes.of(find(id, caller), "application " + id)
                        .ifMatchWhenSent(ifMatch)
                        .by(caller.subject())
                        .finallyDo(a -> {
                            // an approval that waits for a second officer moves no money yet
                            if (a.status() == ApplicationStatus.GRANTED) {
                                moveGrant(a, caller.subject());
                            }
                        })
                        .apply(reject ? "reject" : "approve", a -> {
                            if (reject) {
                                a.reject(request.reason(), caller.subject(), now());
                            } else {
                                a.approve(
                                        request.amountCents() == null ? a.requestedCents() : request.amountCents(),
                                        request.reason(),
                                        grounds(a, request.exceptionReason()),
                                        caller.subject(),
                                        now());
                            }
                        }),
                caller);
    }

    @Transactional
    public Versioned<ApplicationView> confirm(UUID id, String ifMatch, Caller caller) {
        return view(
                changes.of(find(id, caller), "application " + id)
                        .ifMatchWhenSent(ifMatch)
                        .by(caller.subject())
                        .finallyDo(a -> moveGrant(a, caller.subject()))
                        .apply("confirm", a -> a.confirmAsSecondApprover(caller.subject(), now())),
                caller);
    }

    @Transactional
    public Versioned<ApplicationView> settle(UUID id, String ifMatch, SettlementRequest request, Caller caller) {
        return view(
                changes.of(find(id, caller), "application " + id)
                        .ifMatchWhenSent(ifMatch)
                        .by(caller.subject())
                        .finallyDo(a -> ledger.record(
                                a.pot(),
                                List.of(new Ledger.Entry(
                                        Ledger.Kind.SETTLEMENT, a.returnedCents(), a.id(), a.schoolLocationId(), null)),
                                caller.subject(),
                                now()))
                        .apply("settle", a -> a.settle(request.amountCents(), now())),
                caller);
    }

    /** What the approval of this application is weighed against, as of now. */
    private Application.Grounds grounds(Application a, String exceptionReason) {
        boolean onList = a.pot().programme().method() != AllocationMethod.URGENCY_ROUND
                || reservations.onConfirmedList(a.pot().id(), a.schoolLocationId());
        return new Application.Grounds(
                onList, exceptionReason, a.category() == Category.EXTRA_SECURITY ? trend(a.schoolLocationId()) : null);
    }

    private IncidentTrend trend(String schoolLocationId) {
        OffsetDateTime now = now();
        OffsetDateTime recentFrom = now.minus(config.trendWindow());
        OffsetDateTime previousFrom = recentFrom.minus(config.trendWindow());
        List<String> location = List.of(schoolLocationId);
        long recent = locations
                .incidentCounts(location, allocationConfig.categories(), recentFrom, now)
                .getOrDefault(schoolLocationId, 0L);
        long previous = locations
                .incidentCounts(location, allocationConfig.categories(), previousFrom, recentFrom)
                .getOrDefault(schoolLocationId, 0L);
        return new IncidentTrend(
                Math.toIntExact(recent),
                Math.toIntExact(previous),
                (int) config.trendWindow().toDays(),
                now);
    }

    /** The grant's ledger entries: what the location had reserved is released into the grant first. */
    private void moveGrant(Application application, String by) {
        Pot pot = application.pot();
        List<Ledger.Entry> entries = new ArrayList<>();
        reservations
                .draw(pot.id(), application.schoolLocationId(), application.grantedCents())
                .ifPresent(drawn -> entries.add(new Ledger.Entry(
                        Ledger.Kind.RELEASE,
                        drawn.cents(),
                        application.id(),
                        application.schoolLocationId(),
                        drawn.allocationId())));
        entries.add(new Ledger.Entry(
                Ledger.Kind.GRANT,
                -application.grantedCents(),
                application.id(),
                application.schoolLocationId(),
                null));
        ledger.record(pot, entries, by, now());
    }

    private Versioned<ApplicationView> view(Application application, Caller caller) {
        return new Versioned<>(viewOf(application, caller), application.version());
    }

    /**
     * The plan for the board and the municipality only; a trend's incident counts exact for the location's own board
     * and school, and banded under the minimum cell for the municipality, as in the urgency round.
     */
    private ApplicationView viewOf(Application application, Caller caller) {
        return ApplicationView.of(
                application, seesPlan(caller), caller.role() == Role.MUNICIPALITY ? allocationConfig.minimumCell() : 0);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
