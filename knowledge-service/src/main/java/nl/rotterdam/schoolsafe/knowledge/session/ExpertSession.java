package nl.rotterdam.schoolsafe.knowledge.session;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.knowledge.catalog.Audience;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An expert session (expertsessie) with its registrations: confirmed while seats remain, then a
 * waiting list in order. The database holds the last line: a trigger counts confirmed rows into
 * {@code confirmed_seats} and a CHECK keeps that at or below capacity, whatever the concurrency.
 */
@Entity
@Table(name = "expert_session")
public class ExpertSession extends AggregateRoot {
    /** Kind of session: measure 12 (sexual resilience, VOS), measure 13 (the city marine's), or another theme. */
    @Schema(name = "SessionKind", description = "Kind of session")
    public enum Kind {
        SEXUAL_RESILIENCE,
        CITY_MARINE_KNOWLEDGE,
        OTHER
    }

    @Schema(name = "SessionStatus", description = "Where a session stands")
    public enum Status {
        SCHEDULED,
        CANCELLED
    }

    /** What a session is: the organiser's description of it. */
    public record Details(
            Kind kind,
            String title,
            String description,
            String organiser,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String place,
            String onlineLink,
            int capacity,
            List<Audience> audiences,
            OffsetDateTime registrationDeadline) {}

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String title;
    private String description;
    private String organiser;

    @Column(name = "starts_at")
    private OffsetDateTime startsAt;

    @Column(name = "ends_at")
    private OffsetDateTime endsAt;

    private String place;

    @Column(name = "online_link")
    private String onlineLink;

    private int capacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] audiences;

    @Column(name = "registration_deadline")
    private OffsetDateTime registrationDeadline;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "scheduled_by")
    private String scheduledBy;
    /** In the order they were made; a registration writes its own session_id, the collection only reads it. */
    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "session_id", insertable = false, updatable = false)
    @OrderBy("registeredAt, id")
    // a page of sessions loads the registrations of all its sessions at once
    @BatchSize(size = 100)
    private List<Registration> registrations = new ArrayList<>();

    protected ExpertSession() {}

    public static ExpertSession schedule(Details details, String scheduledBy, OffsetDateTime now) {
        ExpertSession session = new ExpertSession();
        session.id = UUID.randomUUID();
        session.status = Status.SCHEDULED;
        session.scheduledBy = scheduledBy;
        session.describe(details, now);
        session.registerEvent(new SessionChanged(EventType.KNOWLEDGE_SESSION_SCHEDULED, session));
        return session;
    }

    /**
     * The session locked against concurrent changes (SELECT … FOR UPDATE). Its registrations load
     * on first use, after the lock, so they are every registration committed before it.
     */
    static Optional<ExpertSession> lockForChange(UUID id) {
        return Optional.ofNullable(getEntityManager().find(ExpertSession.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Changes the description; capacity may not drop below the seats already confirmed. Fill freed seats afterwards. */
    public void reschedule(Details details, OffsetDateTime now) {
        requireScheduled("reschedule");
        if (details.capacity() < confirmedSeats()) {
            throw new ProblemException(
                    409,
                    "capacity-below-confirmed",
                    "Capacity below confirmed seats",
                    "capacity " + details.capacity() + " is below the " + confirmedSeats() + " seats already confirmed",
                    List.of(),
                    Map.of("requestedCapacity", details.capacity(), "confirmedSeats", confirmedSeats()));
        }
        describe(details, now);
        registerEvent(new SessionChanged(EventType.KNOWLEDGE_SESSION_RESCHEDULED, this));
    }

    private void describe(Details details, OffsetDateTime now) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!details.startsAt().isAfter(now)) {
            errors.add(new Problem.FieldError("startsAt", "must be in the future"));
        }
        if (!details.endsAt().isAfter(details.startsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        }
        if (details.registrationDeadline().isAfter(details.startsAt())) {
            errors.add(new Problem.FieldError("registrationDeadline", "must be at or before startsAt"));
        }
        if (details.place() == null && details.onlineLink() == null) {
            errors.add(new Problem.FieldError("place", "give a place, an onlineLink or both"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        kind = details.kind();
        title = details.title();
        description = details.description();
        organiser = details.organiser();
        startsAt = details.startsAt();
        endsAt = details.endsAt();
        place = details.place();
        onlineLink = details.onlineLink();
        capacity = details.capacity();
        audiences = details.audiences().stream().map(Enum::name).distinct().toArray(String[]::new);
        registrationDeadline = details.registrationDeadline();
    }

    public void cancel() {
        requireScheduled("cancel");
        status = Status.CANCELLED;
        registerEvent(new SessionChanged(EventType.KNOWLEDGE_SESSION_CANCELLED, this));
    }

    /** A registration: a confirmed seat while one is free, otherwise the end of the waiting list. */
    public Registration register(String registrant, String schoolLocationId, OffsetDateTime now) {
        if (status == Status.CANCELLED) {
            throw ProblemException.conflict(
                    "session-cancelled", "Session cancelled", "this session was cancelled; registration is closed");
        }
        if (!now.isBefore(startsAt)) {
            throw ProblemException.conflict(
                    "session-past", "Session has started", "this session started at " + startsAt);
        }
        if (now.isAfter(registrationDeadline)) {
            throw ProblemException.conflict(
                    "registration-closed",
                    "Registration closed",
                    "the registration deadline was " + registrationDeadline);
        }
        if (registrations.stream().anyMatch(r -> r.active() && r.registrant.equals(registrant))) {
            throw alreadyRegistered();
        }
        Registration registration = confirmedSeats() < capacity
                ? Registration.confirmed(id, registrant, schoolLocationId, now)
                : Registration.waiting(id, registrant, schoolLocationId, lastQueueKey() + 1, now);
        registrations.add(registration);
        registerEvent(RegistrationChanged.of(this, registration, RegistrationChanged.Change.REGISTERED, now));
        return registration;
    }

    static ProblemException alreadyRegistered() {
        return ProblemException.conflict(
                "already-registered",
                "Already registered",
                "you already hold a registration for this session; cancel it first to register again");
    }

    /** Withdraws a live registration; a seat it held stays free until {@link #fillFreeSeats}. */
    public Registration withdraw(UUID registrationId, OffsetDateTime now) {
        Registration registration = find(registrationId)
                .filter(Registration::active)
                .orElseThrow(() ->
                        ProblemException.illegalState("the registration is already cancelled", "CANCELLED", List.of()));
        registration.cancel(now);
        registerEvent(RegistrationChanged.of(this, registration, RegistrationChanged.Change.CANCELLED, now));
        return registration;
    }

    /** Moves the first waiting registrations up into free seats, in waiting-list order. */
    public List<Registration> fillFreeSeats(OffsetDateTime now) {
        List<Registration> promoted = new ArrayList<>();
        if (status != Status.SCHEDULED) {
            return promoted;
        }
        for (Registration next : waitingList()) {
            if (confirmedSeats() >= capacity) {
                break;
            }
            next.promote(now);
            registerEvent(RegistrationChanged.of(this, next, RegistrationChanged.Change.PROMOTED, now));
            promoted.add(next);
        }
        return promoted;
    }

    /** Puts a waiting registration at a position (1 = next in line); the others keep their relative order. */
    public void moveOnWaitingList(UUID registrationId, int position, OffsetDateTime now) {
        Registration moved = find(registrationId)
                .filter(r -> r.status == Registration.Status.WAITING)
                .orElseThrow(() -> ProblemException.illegalState(
                        "only a waiting registration has a place on the waiting list",
                        find(registrationId).map(r -> r.status.name()).orElse("UNKNOWN"),
                        List.of()));
        List<Registration> queue = new ArrayList<>(waitingList());
        if (position < 1 || position > queue.size()) {
            throw ProblemException.invalid("waitingPosition", "must be between 1 and " + queue.size());
        }
        queue.remove(moved);
        queue.add(position - 1, moved);
        long key = 1;
        for (Registration registration : queue) {
            registration.queueKey = key++;
        }
        registerEvent(RegistrationChanged.of(this, moved, RegistrationChanged.Change.PRIORITY_CHANGED, now));
    }

    public List<Registration> waitingList() {
        return registrations.stream()
                .filter(r -> r.status == Registration.Status.WAITING)
                .sorted(Comparator.comparingLong((Registration r) -> r.queueKey).thenComparing(r -> r.registeredAt))
                .toList();
    }

    /** 1-based place on the waiting list, or null when not waiting. */
    public Integer waitingPosition(Registration registration) {
        int index = waitingList().indexOf(registration);
        return index < 0 ? null : index + 1;
    }

    public int confirmedSeats() {
        return (int) registrations.stream()
                .filter(r -> r.status == Registration.Status.CONFIRMED)
                .count();
    }

    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    public Optional<Registration> find(UUID registrationId) {
        return registrations.stream().filter(r -> r.id.equals(registrationId)).findFirst();
    }

    public boolean registrationOpen(OffsetDateTime now) {
        return status == Status.SCHEDULED && !now.isAfter(registrationDeadline) && now.isBefore(startsAt);
    }

    private long lastQueueKey() {
        return registrations.stream()
                .filter(r -> r.queueKey != null)
                .mapToLong(r -> r.queueKey)
                .max()
                .orElse(0);
    }

    private void requireScheduled(String action) {
        if (status != Status.SCHEDULED) {
            throw ProblemException.illegalState("a cancelled session cannot " + action, status.name(), List.of());
        }
    }

    @Override
    public String aggregateType() {
        return "expert-session";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    /** Sessions are the municipality's: their audit trail is filed under it. */
    @Override
    public String owner() {
        return "municipality";
    }

    /** The description, the seats and the waiting list in order, so a priority change shows who moved from where to where. */
    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("title", title);
        fields.put("description", description);
        fields.put("organiser", organiser);
        // instants: the same moment read back from the database in another offset is no change
        fields.put("startsAt", startsAt.toInstant());
        fields.put("endsAt", endsAt.toInstant());
        fields.put("place", place);
        fields.put("onlineLink", onlineLink);
        fields.put("capacity", capacity);
        fields.put("audiences", List.of(audiences));
        fields.put("registrationDeadline", registrationDeadline.toInstant());
        fields.put("status", status);
        fields.put("confirmedSeats", confirmedSeats());
        fields.put("waitingList", waitingList().stream().map(r -> r.id).toList());
        return fields;
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String organiser() {
        return organiser;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public String place() {
        return place;
    }

    public String onlineLink() {
        return onlineLink;
    }

    public int capacity() {
        return capacity;
    }

    public List<Audience> audiences() {
        return Arrays.stream(audiences).map(Audience::valueOf).toList();
    }

    public OffsetDateTime registrationDeadline() {
        return registrationDeadline;
    }

    public Status status() {
        return status;
    }
}
