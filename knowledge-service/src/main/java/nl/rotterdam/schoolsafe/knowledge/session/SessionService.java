package nl.rotterdam.schoolsafe.knowledge.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.platform.audit.AuditTrail;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.RegistrationChangedEvent;
import nl.rotterdam.schoolsafe.platform.event.SessionScheduledEvent;
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
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions and their registrations. Every change to a session's seats runs under the session's row
 * lock, so registrations for one session are decided one after another in arrival order; the
 * database's seat counter and CHECK refuse any write that would confirm more than capacity anyway.
 */
@ApplicationScoped
public class SessionService {
    public static final String AGGREGATE = "expert-session";
    static final String CHANGE_REGISTERED = "REGISTERED";
    static final String CHANGE_CANCELLED = "CANCELLED";
    static final String CHANGE_PROMOTED = "PROMOTED";
    static final String CHANGE_PRIORITY = "PRIORITY_CHANGED";

    private final Outbox outbox;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final Clock clock;

    SessionService(Outbox outbox, Idempotency idempotency, AuditTrail audit, Clock clock) {
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public record Created<T>(Versioned<T> body, UUID id, boolean replayed) {
    }

    @Transactional
    public Created<SessionView> schedule(SessionRequest request, String idempotencyKey, Caller caller) {
        Idempotency.Outcome outcome = idempotency.once("expert-session", idempotencyKey, request, () -> {
            ExpertSession session = ExpertSession.schedule(request.details(), caller.subject(), now());
            session.persist();
            announce(session);
            return session.id.toString();
        });
        ExpertSession session = ExpertSession.read(UUID.fromString(outcome.resourceId())).orElseThrow();
        return new Created<>(new Versioned<>(SessionView.of(session, now()), session.version), session.id, outcome.replayed());
    }

    /** Changes a session; more capacity moves waiting registrations up, less than the confirmed seats is refused. */
    @Transactional
    public Versioned<SessionView> reschedule(UUID id, String ifMatch, SessionRequest request) {
        ExpertSession session = locked(id);
        Etags.requireMatch(ifMatch, session.version);
        session.reschedule(request.details(), now());
        ExpertSession.flush();
        promoteInto(session);
        announce(session);
        ExpertSession.flush();
        return new Versioned<>(SessionView.of(session, now()), session.version);
    }

    @Transactional
    public Versioned<SessionView> cancel(UUID id, String ifMatch) {
        ExpertSession session = locked(id);
        Etags.requireMatch(ifMatch, session.version);
        session.cancel();
        announce(session);
        ExpertSession.flush();
        return new Versioned<>(SessionView.of(session, now()), session.version);
    }

    @Transactional
    public Optional<Versioned<SessionView>> read(UUID id) {
        return ExpertSession.read(id).map(s -> new Versioned<>(SessionView.of(s, now()), s.version));
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
        if (cursor != null) {
            List<String> keys = Cursor.decode(cursor, 2);
            try {
                parameters.put("afterStart", OffsetDateTime.parse(keys.get(0)));
                parameters.put("afterId", UUID.fromString(keys.get(1)));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
            query.append(" and (startsAt > :afterStart or (startsAt = :afterStart and id > :afterId))");
        }
        query.append(" order by startsAt, id");
        List<ExpertSession> rows = ExpertSession.<ExpertSession>find(query.toString(), parameters).range(0, limit).list();
        List<SessionView> items = new ArrayList<>();
        for (ExpertSession row : rows.subList(0, Math.min(limit, rows.size()))) {
            items.add(SessionView.of(ExpertSession.read(row.id).orElseThrow(), now()));
        }
        boolean more = rows.size() > limit;
        ExpertSession last = more ? rows.get(limit - 1) : null;
        return new Page<>(items, last == null ? null : Cursor.encode(last.startsAt.toInstant().toString(), last.id.toString()));
    }

    /** The Idempotency-Key is scoped to the caller too: another person's key never replays someone else's registration. */
    @Transactional
    public Created<RegistrationView> register(UUID sessionId, String schoolLocationId, String idempotencyKey, Caller caller) {
        String location = schoolLocation(schoolLocationId, caller);
        Idempotency.Outcome outcome = idempotency.once("registration:" + sessionId + ":" + caller.subject(), idempotencyKey, new RegistrationRequest(location), () -> {
            ExpertSession session = locked(sessionId);
            Registration registration = session.register(caller.subject(), location, now());
            registration.persist();
            flushGuarded();
            changed(session, registration, CHANGE_REGISTERED);
            return registration.id.toString();
        });
        ExpertSession session = ExpertSession.read(sessionId).orElseThrow();
        Registration registration = session.find(UUID.fromString(outcome.resourceId())).orElseThrow();
        return new Created<>(new Versioned<>(RegistrationView.of(registration, session), 0), registration.id, outcome.replayed());
    }

    /** Cancels a registration (its registrant's, or any for the organiser) and moves the first waiting one up. */
    @Transactional
    public RegistrationView withdraw(UUID sessionId, UUID registrationId, Caller caller) {
        ExpertSession session = locked(sessionId);
        Registration registration = visible(session, registrationId, caller);
        session.withdraw(registration.id, now());
        // the freed seat reaches the database before a promotion takes it: the seat CHECK is per statement
        Registration.flush();
        changed(session, registration, CHANGE_CANCELLED);
        promoteInto(session);
        Registration.flush();
        return RegistrationView.of(registration, session);
    }

    @Transactional
    public RegistrationView moveOnWaitingList(UUID sessionId, UUID registrationId, int position, String reason, Caller caller) {
        ExpertSession session = locked(sessionId);
        Registration registration = session.find(registrationId).orElseThrow(() -> ProblemException.notFound("registration " + registrationId));
        int before = session.moveOnWaitingList(registrationId, position);
        Map<String, AuditTrail.Change> changes = new LinkedHashMap<>();
        changes.put("registrationId", new AuditTrail.Change(registrationId.toString(), registrationId.toString()));
        changes.put("waitingPosition", new AuditTrail.Change(before, position));
        changes.put("reason", new AuditTrail.Change(null, reason));
        audit.record(AGGREGATE, sessionId.toString(), "municipality", caller.subject(), "change-waiting-priority", changes);
        changed(session, registration, CHANGE_PRIORITY);
        return RegistrationView.of(registration, session);
    }

    /** The organiser sees every registration (confirmed, then the waiting list in order, then cancelled); staff their own. */
    @Transactional
    public List<RegistrationView> registrations(UUID sessionId, Caller caller) {
        ExpertSession session = ExpertSession.read(sessionId).orElseThrow(() -> ProblemException.notFound("session " + sessionId));
        List<Registration> ordered = new ArrayList<>();
        session.registrations().stream().filter(r -> r.status == Registration.Status.CONFIRMED).forEach(ordered::add);
        ordered.addAll(session.waitingList());
        session.registrations().stream().filter(r -> r.status == Registration.Status.CANCELLED).forEach(ordered::add);
        return ordered.stream().filter(r -> organiser(caller) || r.registrant.equals(caller.subject()))
                .map(r -> RegistrationView.of(r, session)).toList();
    }

    @Transactional
    public List<AuditTrail.Entry> auditTrail(UUID sessionId) {
        ExpertSession.<ExpertSession>findByIdOptional(sessionId).orElseThrow(() -> ProblemException.notFound("session " + sessionId));
        return audit.entries(AGGREGATE, sessionId.toString());
    }

    private void promoteInto(ExpertSession session) {
        for (Registration promoted : session.fillFreeSeats(now())) {
            changed(session, promoted, CHANGE_PROMOTED);
        }
    }

    private Registration visible(ExpertSession session, UUID registrationId, Caller caller) {
        return session.find(registrationId).filter(r -> organiser(caller) || r.registrant.equals(caller.subject()))
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

    private static ExpertSession locked(UUID id) {
        return ExpertSession.lockForChange(id).orElseThrow(() -> ProblemException.notFound("session " + id));
    }

    /** The unique index is the last word on one live registration per person per session. */
    private static void flushGuarded() {
        try {
            Registration.flush();
        } catch (ConstraintViolationException e) {
            if ("session_registration_one_per_person".equals(e.getConstraintName())) {
                throw ExpertSession.alreadyRegistered();
            }
            throw e;
        }
    }

    private void announce(ExpertSession session) {
        outbox.record(Topics.KNOWLEDGE, EventTypes.KNOWLEDGE_SESSION_SCHEDULED, session.id.toString(),
                new SessionScheduledEvent(session.id, session.kind.name(), session.status.name(), session.startsAt, session.endsAt,
                        session.registrationDeadline, session.capacity, session.confirmedSeats(), session.waitingList().size(),
                        session.audiences().stream().map(Enum::name).toList()));
    }

    private void changed(ExpertSession session, Registration registration, String change) {
        outbox.record(Topics.KNOWLEDGE, EventTypes.KNOWLEDGE_REGISTRATION_CHANGED, session.id.toString(),
                new RegistrationChangedEvent(session.id, registration.id, registration.schoolLocationId, change, registration.status.name(),
                        session.waitingPosition(registration), session.confirmedSeats(), session.capacity, now()));
    }
}
