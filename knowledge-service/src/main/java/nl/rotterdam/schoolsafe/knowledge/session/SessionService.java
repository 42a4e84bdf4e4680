package nl.rotterdam.schoolsafe.knowledge.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.audit.AuditTrail;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Keyset;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Sessions and their registrations. Every change to a session's seats runs under the session's row
 * lock, so registrations for one session are decided one after another in arrival order; the
 * database's seat counter and CHECK refuse any write that would confirm more than capacity anyway.
 */
@ApplicationScoped
public class SessionService {
    static final String PRIORITY_CHANGE = "change-waiting-priority";
    private static final Keyset SOONEST_FIRST = Keyset.oldestFirst("startsAt", "id");

    private final Changes changes;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final Clock clock;

    SessionService(Changes changes, Idempotency idempotency, AuditTrail audit, Clock clock) {
        this.changes = changes;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @Transactional
    public Created<SessionView> schedule(SessionRequest request, String idempotencyKey, Caller caller) {
        Idempotency.Outcome outcome = idempotency.once(
                "expert-session",
                idempotencyKey,
                request,
                () -> changes.create(
                                ExpertSession.schedule(request.details(), caller.subject(), now()),
                                caller.subject(),
                                "schedule")
                        .id()
                        .toString());
        ExpertSession session = ExpertSession.<ExpertSession>findByIdOptional(UUID.fromString(outcome.resourceId()))
                .orElseThrow();
        return new Created<>(
                new Versioned<>(SessionView.of(session, now()), session.version()),
                outcome.resourceId(),
                outcome.replayed());
    }

    /** Changes a session; more capacity moves waiting registrations up, less than the confirmed seats is refused. */
    @Transactional
    public Versioned<SessionView> reschedule(UUID id, String ifMatch, SessionRequest request, Caller caller) {
        OffsetDateTime now = now();
        ExpertSession session = changes.of(ExpertSession.lockForChange(id), "session " + id)
                .ifMatch(ifMatch)
                .by(caller.subject())
                .apply("reschedule", s -> {
                    s.reschedule(request.details(), now);
                    // the new capacity reaches the database before promotions take its seats: the seat CHECK is per
                    // statement
                    ExpertSession.flush();
                    s.fillFreeSeats(now);
                });
        return new Versioned<>(SessionView.of(session, now), session.version());
    }

    @Transactional
    public Versioned<SessionView> cancel(UUID id, String ifMatch, Caller caller) {
        ExpertSession session = changes.of(ExpertSession.lockForChange(id), "session " + id)
                .ifMatch(ifMatch)
                .by(caller.subject())
                .apply("cancel", ExpertSession::cancel);
        return new Versioned<>(SessionView.of(session, now()), session.version());
    }

    @Transactional
    public Optional<Versioned<SessionView>> read(UUID id) {
        return ExpertSession.<ExpertSession>findByIdOptional(id)
                .map(s -> new Versioned<>(SessionView.of(s, now()), s.version()));
    }

    /** Sessions starting at or after {@code from}, soonest first. */
    @Transactional
    public Page<SessionView> list(OffsetDateTime from, ExpertSession.Kind kind, String cursor, int limit) {
        StringBuilder query = new StringBuilder("startsAt >= :from");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        if (kind != null) {
            query.append(" and kind = :kind");
            parameters.put("kind", kind);
        }
        query.append(SOONEST_FIRST.after(cursor, parameters)).append(SOONEST_FIRST.orderBy());
        List<ExpertSession> rows = ExpertSession.<ExpertSession>find(query.toString(), parameters)
                .range(0, limit)
                .list();
        OffsetDateTime now = now();
        return SOONEST_FIRST.page(rows, limit, ExpertSession::startsAt, ExpertSession::id, s -> SessionView.of(s, now));
    }

    /** The Idempotency-Key is scoped to the caller too: another person's key never replays someone else's registration. */
    @Transactional
    public Created<RegistrationView> register(
            UUID sessionId, String schoolLocationId, String idempotencyKey, Caller caller) {
        String location = schoolLocation(schoolLocationId, caller);
        Idempotency.Outcome outcome = idempotency.once(
                "registration:" + sessionId + ":" + caller.subject(),
                idempotencyKey,
                new RegistrationRequest(location),
                () -> registerOnce(sessionId, location, caller).id.toString());
        ExpertSession session =
                ExpertSession.<ExpertSession>findByIdOptional(sessionId).orElseThrow();
        Registration registration =
                session.find(UUID.fromString(outcome.resourceId())).orElseThrow();
        return new Created<>(
                new Versioned<>(RegistrationView.of(registration, session), session.version()),
                outcome.resourceId(),
                outcome.replayed());
    }

    /** The unique index is the last word on one live registration per person per session. */
    private Registration registerOnce(UUID sessionId, String location, Caller caller) {
        try {
            return changes.of(ExpertSession.lockForChange(sessionId), "session " + sessionId)
                    .by(caller.subject())
                    .decide("register", s -> s.register(caller.subject(), location, now()));
        } catch (ConstraintViolationException e) {
            if ("session_registration_one_per_person".equals(e.getConstraintName())) {
                throw ExpertSession.alreadyRegistered();
            }
            throw e;
        }
    }

    /** Cancels a registration (its registrant's, or any for the organiser) and moves the first waiting one up. */
    @Transactional
    public RegistrationView withdraw(UUID sessionId, UUID registrationId, Caller caller) {
        OffsetDateTime now = now();
        ExpertSession session = changes.of(ExpertSession.lockForChange(sessionId), "session " + sessionId)
                .by(caller.subject())
                .apply("cancel-registration", s -> {
                    s.withdraw(visible(s, registrationId, caller).id, now);
                    // the freed seat reaches the database before a promotion takes it: the seat CHECK is per statement
                    Registration.flush();
                    s.fillFreeSeats(now);
                });
        return RegistrationView.of(session.find(registrationId).orElseThrow(), session);
    }

    /** The organiser moves a waiting registration; the reason stays in the audit trail, never on the topic. */
    @Transactional
    public RegistrationView moveOnWaitingList(
            UUID sessionId, UUID registrationId, int position, String reason, Caller caller) {
        OffsetDateTime now = now();
        ExpertSession session = changes.of(ExpertSession.lockForChange(sessionId), "session " + sessionId)
                .by(caller.subject())
                .detail("registrationId", registrationId)
                .detail("reason", reason)
                .apply(PRIORITY_CHANGE, s -> {
                    s.find(registrationId)
                            .orElseThrow(() -> ProblemException.notFound("registration " + registrationId));
                    s.moveOnWaitingList(registrationId, position, now);
                });
        return RegistrationView.of(session.find(registrationId).orElseThrow(), session);
    }

    /** The organiser sees every registration (confirmed, then the waiting list in order, then cancelled); staff their own. */
    @Transactional
    public List<RegistrationView> registrations(UUID sessionId, Caller caller) {
        ExpertSession session = ExpertSession.<ExpertSession>findByIdOptional(sessionId)
                .orElseThrow(() -> ProblemException.notFound("session " + sessionId));
        List<Registration> ordered = new ArrayList<>();
        session.registrations().stream()
                .filter(r -> r.status == Registration.Status.CONFIRMED)
                .forEach(ordered::add);
        ordered.addAll(session.waitingList());
        session.registrations().stream()
                .filter(r -> r.status == Registration.Status.CANCELLED)
                .forEach(ordered::add);
        return ordered.stream()
                .filter(r -> organiser(caller) || r.registrant.equals(caller.subject()))
                .map(r -> RegistrationView.of(r, session))
                .toList();
    }

    /** The waiting-list priority changes; the session's other changes are audited too, but this trail answers who moved whom and why. */
    @Transactional
    public Page<AuditTrail.Entry> auditTrail(UUID sessionId, PageRequest page) {
        ExpertSession session = ExpertSession.<ExpertSession>findByIdOptional(sessionId)
                .orElseThrow(() -> ProblemException.notFound("session " + sessionId));
        return audit.entries(session.aggregateType(), session.aggregateId(), PRIORITY_CHANGE, page);
    }

    private static Registration visible(ExpertSession session, UUID registrationId, Caller caller) {
        return session.find(registrationId)
                .filter(r -> organiser(caller) || r.registrant.equals(caller.subject()))
                .orElseThrow(() -> ProblemException.notFound("registration " + registrationId));
    }

    private static boolean organiser(Caller caller) {
        return caller.role() == Role.MUNICIPALITY;
    }

    private static String schoolLocation(String requested, Caller caller) {
        if (requested == null) {
            if (caller.schoolLocationIds().size() != 1) {
                throw ProblemException.invalid("schoolLocationId", "name the school location you register for");
            }
            return caller.schoolLocationIds().iterator().next();
        }
        if (!caller.worksAt(requested)) {
            throw ProblemException.invalid("schoolLocationId", "must be one of your own school locations");
        }
        return requested;
    }
}
