package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.pseudonym.Pseudonymizer;
import nl.rotterdam.schoolsafe.incident.register.RegisterService;
import nl.rotterdam.schoolsafe.incident.register.SchoolLocation;
import nl.rotterdam.schoolsafe.platform.audit.AuditTrail;
import nl.rotterdam.schoolsafe.platform.change.Changes;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Keyset;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

@ApplicationScoped
public class IncidentService {
    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("occurredAt", "id");
    private static final Keyset OLDEST_FIRST = Keyset.oldestFirst("i.occurredAt", "i.id");

    private final RegisterService register;
    private final Pseudonymizer pseudonymizer;
    private final Changes changes;
    private final AuditTrail audit;
    private final ProcessingLog processingLog;
    private final Idempotency idempotency;
    private final Clock clock;

    IncidentService(
            RegisterService register,
            Pseudonymizer pseudonymizer,
            Changes changes,
            AuditTrail audit,
            ProcessingLog processingLog,
            Idempotency idempotency,
            Clock clock) {
        this.register = register;
        this.pseudonymizer = pseudonymizer;
        this.changes = changes;
        this.audit = audit;
        this.processingLog = processingLog;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Registers (or drafts) an incident once per Idempotency-Key; a retry returns the first incident. */
    @Transactional
    public Created<IncidentView> register(IncidentRequest request, String idempotencyKey, Caller caller) {
        requireOwnLocation(request.schoolLocationId(), caller);
        Idempotency.Outcome outcome = idempotency.once("incident:" + caller.subject(), idempotencyKey, request, () -> {
            Incident incident =
                    Incident.report(facts(request), Boolean.TRUE.equals(request.draft()), caller.subject(), now());
            return changes.create(incident, caller.subject(), "report").aggregateId();
        });
        Incident incident = Incident.<Incident>findByIdOptional(UUID.fromString(outcome.resourceId()))
                .orElseThrow();
        return new Created<>(versioned(incident, caller), incident.aggregateId(), outcome.replayed());
    }

    private Versioned<IncidentView> versioned(Incident incident, Caller caller) {
        return new Versioned<>(IncidentView.of(incident, now().toLocalDate(), caller.role()), incident.version());
    }

    /** The incident if the caller's tenancy covers it; another tenant's incident is as absent as a missing one. */
    private Optional<Incident> find(UUID id, Caller caller) {
        return Incident.<Incident>findByIdOptional(id)
                .filter(incident -> visibleLocations(caller).contains(incident.schoolLocationId()));
    }

    /**
     * A change of an incident of the caller's own school locations, by the caller. A board reads its
     * schools' incidents but changes none: to a board, as to another school, the incident is absent.
     */
    public Changes.Change<Incident> change(UUID id, Caller caller) {
        return changes.of(
                        find(id, caller).filter(incident -> caller.worksAt(incident.schoolLocationId())),
                        "incident " + id)
                .by(caller.subject());
    }

    /** Reads an incident with its persons, logging the read for every student it concerns. */
    @Transactional
    public Optional<Versioned<IncidentView>> read(UUID id, Caller caller) {
        Optional<Incident> found = find(id, caller);
        found.ifPresent(incident -> logRead(incident, incident.pseudonyms(), "read incident"));
        return found.map(incident -> versioned(incident, caller));
    }

    /** One measure of an incident the caller may read, logging the read for the student it concerns. */
    @Transactional
    public Optional<MeasureView> measure(UUID incidentId, UUID measureId, Caller caller) {
        return find(incidentId, caller)
                .flatMap(incident -> incident.measures().stream()
                        .filter(m -> m.id.equals(measureId))
                        .findFirst()
                        .map(measure -> {
                            logRead(incident, List.of(measure.pseudonym), "read measure");
                            return MeasureView.of(measure, now().toLocalDate());
                        }));
    }

    private void logRead(Incident incident, List<String> subjects, String purpose) {
        if (!subjects.isEmpty()) {
            processingLog.record(new ProcessingLog.Read(
                    incident.aggregateType(), incident.aggregateId(), incident.owner(), subjects, purpose));
        }
    }

    /**
     * Every change to an incident the caller may read, oldest first; without police involvement for a reader who
     * does not see it in the incident either: its fields are left out, and its changes whole, as their action names
     * it. A page may then hold fewer entries than the limit; its cursor still leads on.
     */
    public Optional<Page<AuditTrail.Entry>> auditTrail(UUID id, PageRequest page, Caller caller) {
        return find(id, caller).map(incident -> {
            Page<AuditTrail.Entry> trail = audit.entries(incident.aggregateType(), incident.aggregateId(), null, page);
            if (IncidentView.seesPoliceInvolvement(caller.role())) {
                return trail;
            }
            List<AuditTrail.Entry> shown = new ArrayList<>();
            for (AuditTrail.Entry entry : trail.items()) {
                Map<String, AuditTrail.Change> changes = new LinkedHashMap<>(entry.changes());
                changes.keySet().removeAll(Incident.POLICE_INVOLVEMENT_FIELDS);
                if (!Incident.isPoliceInvolvement(entry.action())
                        && (!changes.isEmpty() || entry.changes().isEmpty())) {
                    shown.add(new AuditTrail.Entry(entry.recordedAt(), entry.actor(), entry.action(), changes));
                }
            }
            return new Page<>(shown, trail.nextCursor());
        });
    }

    /** Corrects an incident's facts; {@code ifMatch} must carry the version the change is based on. */
    @Transactional
    public Versioned<IncidentView> revise(UUID id, String ifMatch, IncidentRequest request, Caller caller) {
        return versioned(
                change(id, caller).ifMatch(ifMatch).apply("update", incident -> incident.revise(facts(request), now())),
                caller);
    }

    @Transactional
    public Versioned<IncidentView> registerDraft(UUID id, Caller caller) {
        return versioned(change(id, caller).apply("register", Incident::register), caller);
    }

    @Transactional
    public Versioned<IncidentView> startFollowUp(UUID id, Caller caller) {
        return versioned(change(id, caller).apply("start-follow-up", Incident::startFollowUp), caller);
    }

    @Transactional
    public Versioned<IncidentView> close(UUID id, String reason, Caller caller) {
        return versioned(change(id, caller).apply("close", incident -> incident.close(reason)), caller);
    }

    @Transactional
    public Versioned<IncidentView> reopen(UUID id, String reason, Caller caller) {
        return versioned(change(id, caller).apply("reopen", incident -> incident.reopen(reason)), caller);
    }

    /** The text is checked once the incident is found, so another school's incident stays a 404 whatever the text. */
    @Transactional
    public Versioned<IncidentView> writeShareableSummary(UUID id, String text, Caller caller) {
        return versioned(
                change(id, caller)
                        .apply(
                                "write-shareable-summary",
                                incident -> incident.writeShareableSummary(new ShareableSummary(text))),
                caller);
    }

    @Transactional
    public Page<IncidentSummary> list(IncidentFilter filter, Caller caller) {
        Set<String> visible = visibleLocations(caller);
        StringBuilder query = new StringBuilder("schoolLocationId in :locations");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("locations", visible);
        if (filter.schoolLocationId != null) {
            query.append(" and schoolLocationId = :location");
            parameters.put("location", filter.schoolLocationId);
        }
        filter.from().ifPresent(from -> {
            query.append(" and occurredAt >= :from");
            parameters.put("from", from);
        });
        filter.before().ifPresent(before -> {
            query.append(" and occurredAt < :before");
            parameters.put("before", before);
        });
        filter.category().ifPresent(category -> {
            query.append(" and category = :category");
            parameters.put("category", category);
        });
        filter.severity().ifPresent(severity -> {
            query.append(" and severity = :severity");
            parameters.put("severity", severity);
        });
        filter.status().ifPresent(status -> {
            query.append(" and status = :status");
            parameters.put("status", status);
        });
        filter.policeReportStatus().ifPresent(policeReport -> {
            if (!IncidentView.seesPoliceInvolvement(caller.role())) {
                // a filter on what the role may not see would reveal it through the results
                throw new ProblemException(
                        403,
                        "filter-not-allowed",
                        "Filter not allowed",
                        "only a safety coordinator may filter on police involvement",
                        List.of(new Problem.FieldError("policeReportStatus", "is for safety coordinators only")),
                        Map.of());
            }
            query.append(" and policeReportStatus = :policeReportStatus");
            parameters.put("policeReportStatus", policeReport);
        });
        // the cursor is checked even when nothing is visible: a bad one is a 400 for everyone
        query.append(NEWEST_FIRST.after(filter.cursor, parameters));
        if (visible.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        query.append(NEWEST_FIRST.orderBy());
        List<Incident> rows = Incident.<Incident>find(query.toString(), parameters)
                .page(0, filter.limit + 1)
                .list();
        return NEWEST_FIRST.page(
                rows,
                filter.limit,
                Incident::occurredAt,
                Incident::id,
                incident -> IncidentSummary.of(incident, caller.role()));
    }

    /** Every incident of the caller's own locations the student is involved in, oldest first, with the role in each. */
    @Transactional
    public Page<ChronologyEntry> chronology(Pseudonymizer.Pseudonym pseudonym, PageRequest page, Caller caller) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("pseudonym", pseudonym.value());
        parameters.put("schools", caller.schoolLocationIds());
        List<Incident> incidents = Incident.<Incident>find(
                        "select distinct i from Incident i join i.involvedPersons p where p.pseudonym = :pseudonym "
                                + "and i.schoolLocationId in :schools"
                                + OLDEST_FIRST.after(page.cursor, parameters) + OLDEST_FIRST.orderBy(),
                        parameters)
                .page(0, page.limit + 1)
                .list();
        Page<ChronologyEntry> shown = OLDEST_FIRST.page(
                incidents,
                page.limit,
                Incident::occurredAt,
                Incident::id,
                i -> ChronologyEntry.of(i, pseudonym.value()));
        processingLog.record(incidents.stream()
                .limit(page.limit)
                .map(incident -> new ProcessingLog.Read(
                        incident.aggregateType(),
                        incident.aggregateId(),
                        incident.owner(),
                        List.of(pseudonym.value()),
                        "pupil chronology"))
                .toList());
        return shown;
    }

    private Set<String> visibleLocations(Caller caller) {
        return switch (caller.role()) {
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> caller.schoolLocationIds();
            case BOARD -> caller.boardId().map(register::locationIdsOfBoard).orElse(Set.of());
            default -> Set.of();
        };
    }

    private static void requireOwnLocation(String schoolLocationId, Caller caller) {
        if (!caller.worksAt(schoolLocationId)) {
            throw new ProblemException(
                    403,
                    "not-your-school-location",
                    "Not your school location",
                    "you may register incidents only for your own school locations",
                    List.of(),
                    Map.of());
        }
    }

    private Incident.Facts facts(IncidentRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<SchoolLocation> found = register.schoolLocation(request.schoolLocationId());
        if (found.isEmpty()) {
            throw ProblemException.invalid("schoolLocationId", "is not a registered school location");
        }
        SchoolLocation location = found.get();
        String district = request.district() == null ? location.districtId() : request.district();
        if (register.district(district).isEmpty()) {
            errors.add(new Problem.FieldError("district", "is not a district of Rotterdam"));
        }
        List<InvolvedPerson> persons = involvedPersons(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Incident.Facts(
                location.id(),
                location.sector().name(),
                district,
                request.locationType(),
                request.category(),
                request.severity(),
                request.description(),
                request.occurredAt(),
                persons);
    }

    private List<InvolvedPerson> involvedPersons(IncidentRequest request, List<Problem.FieldError> errors) {
        List<InvolvedPerson> persons = new ArrayList<>();
        List<IncidentRequest.InvolvedPersonRequest> requested =
                request.involvedPersons() == null ? List.of() : request.involvedPersons();
        for (int i = 0; i < requested.size(); i++) {
            IncidentRequest.InvolvedPersonRequest person = requested.get(i);
            String field = "involvedPersons[" + i + "]";
            boolean student = person.kind() == InvolvedPerson.Kind.STUDENT;
            if (student
                    && (person.studentNumber() == null || person.studentNumber().isBlank())) {
                errors.add(new Problem.FieldError(field + ".studentNumber", "is required for a student"));
                continue;
            }
            if (!student && person.studentNumber() != null) {
                errors.add(new Problem.FieldError(field + ".studentNumber", "is only for students"));
                continue;
            }
            String school = person.schoolLocationId() == null && student
                    ? request.schoolLocationId()
                    : person.schoolLocationId();
            if (school != null && register.schoolLocation(school).isEmpty()) {
                errors.add(new Problem.FieldError(field + ".schoolLocationId", "is not a registered school location"));
                continue;
            }
            String pseudonym = student
                    ? pseudonymizer
                            .of(new Pseudonymizer.StudentNumber(person.studentNumber()))
                            .value()
                    : null;
            persons.add(new InvolvedPerson(
                    person.role(), person.kind(), pseudonym, school, Boolean.TRUE.equals(person.minor())));
        }
        return persons;
    }
}
