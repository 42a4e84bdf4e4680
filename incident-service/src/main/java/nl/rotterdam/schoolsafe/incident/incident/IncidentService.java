package nl.rotterdam.schoolsafe.incident.incident;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.incident.pseudonym.Pseudonymizer;
import nl.rotterdam.schoolsafe.incident.register.RegisterService;
import nl.rotterdam.schoolsafe.incident.register.SchoolLocation;
import nl.rotterdam.schoolsafe.platform.audit.AuditTrail;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Etags;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

@ApplicationScoped
public class IncidentService {
    public static final String AGGREGATE = "incident";

    private final RegisterService register;
    private final Pseudonymizer pseudonymizer;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final ProcessingLog processingLog;
    private final Idempotency idempotency;
    private final Clock clock;

    IncidentService(RegisterService register, Pseudonymizer pseudonymizer, Outbox outbox, AuditTrail audit,
                    ProcessingLog processingLog, Idempotency idempotency, Clock clock) {
        this.register = register;
        this.pseudonymizer = pseudonymizer;
        this.outbox = outbox;
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
    public Registered register(IncidentRequest request, String idempotencyKey, Caller caller) {
        requireOwnLocation(request.schoolLocationId(), caller);
        Idempotency.Outcome outcome = idempotency.once("incident:" + caller.subject(), idempotencyKey, request, () -> {
            Incident incident = Incident.report(facts(request), Boolean.TRUE.equals(request.draft()), caller.subject(), now());
            incident.persist();
            audit.record(AGGREGATE, incident.id.toString(), incident.schoolLocationId, caller.subject(), "report",
                    AuditTrail.diff(Map.of(), incident.snapshot()));
            if (incident.status != IncidentStatus.DRAFT) {
                outbox.record(Topics.INCIDENT, EventTypes.INCIDENT_REPORTED, incident.id.toString(), event(incident));
            }
            return incident.id.toString();
        });
        Incident incident = Incident.<Incident>findByIdOptional(UUID.fromString(outcome.resourceId())).orElseThrow();
        return new Registered(new Versioned<>(view(incident), incident.version), incident.id, outcome.replayed());
    }

    public record Registered(Versioned<IncidentView> incident, UUID id, boolean replayed) {
    }

    IncidentView view(Incident incident) {
        return IncidentView.of(incident, now().toLocalDate());
    }

    /** The incident if the caller's tenancy covers it; another tenant's incident is as absent as a missing one. */
    public Optional<Incident> find(UUID id, Caller caller) {
        return Incident.<Incident>findByIdOptional(id).filter(incident -> mayRead(incident, caller));
    }

    /** Reads an incident with its persons, logging the read for every student it concerns. */
    @Transactional
    public Optional<Versioned<IncidentView>> read(UUID id, Caller caller) {
        Optional<Incident> found = find(id, caller);
        found.ifPresent(incident -> logRead(incident, "read incident"));
        return found.map(incident -> new Versioned<>(view(incident), incident.version));
    }

    void logRead(Incident incident, String purpose) {
        List<String> subjects = incident.involvedPersons.stream().map(p -> p.pseudonym).filter(Objects::nonNull).toList();
        if (!subjects.isEmpty()) {
            processingLog.record(new ProcessingLog.Read(AGGREGATE, incident.id.toString(), incident.schoolLocationId, subjects, purpose));
        }
    }

    /** Corrects an incident's facts; {@code ifMatch} must carry the version the change is based on. */
    @Transactional
    public Versioned<IncidentView> revise(UUID id, String ifMatch, IncidentRequest request, Caller caller) {
        return change(id, caller, "update", incident -> {
            Etags.requireMatch(ifMatch, incident.version);
            incident.revise(facts(request), now());
        }, this::view);
    }

    /** {@link #change(UUID, Caller, String, Consumer, Function)} answering with the whole incident. */
    @Transactional
    public Versioned<IncidentView> change(UUID id, Caller caller, String action, Consumer<Incident> intention) {
        return change(id, caller, action, intention, this::view);
    }

    /**
     * Applies one intention to an incident the caller may change, then records the audit entry and
     * the event in the same transaction.
     */
    @Transactional
    public <T> Versioned<T> change(UUID id, Caller caller, String action, Consumer<Incident> intention, Function<Incident, T> view) {
        Incident incident = find(id, caller).filter(i -> caller.worksAt(i.schoolLocationId))
                .orElseThrow(() -> ProblemException.notFound("incident " + id));
        Map<String, Object> before = incident.snapshot();
        IncidentStatus statusBefore = incident.status;
        intention.accept(incident);
        incident.flush();
        audit.record(AGGREGATE, incident.id.toString(), incident.schoolLocationId, caller.subject(), action,
                AuditTrail.diff(before, incident.snapshot()));
        if (statusBefore == IncidentStatus.DRAFT && incident.status != IncidentStatus.DRAFT) {
            outbox.record(Topics.INCIDENT, EventTypes.INCIDENT_REPORTED, incident.id.toString(), event(incident));
        } else if (incident.status != IncidentStatus.DRAFT) {
            String type = incident.status == IncidentStatus.CLOSED && statusBefore != IncidentStatus.CLOSED
                    ? EventTypes.INCIDENT_CLOSED : EventTypes.INCIDENT_UPDATED;
            outbox.record(Topics.INCIDENT, type, incident.id.toString(), event(incident));
        }
        return new Versioned<>(view.apply(incident), incident.version);
    }

    @Transactional
    public Page<IncidentSummary> list(IncidentFilter filter, Caller caller) {
        Set<String> visible = visibleLocations(caller);
        StringBuilder query = new StringBuilder("schoolLocationId in :locations");
        Parameters parameters = Parameters.with("locations", visible);
        if (filter.schoolLocationId != null) {
            query.append(" and schoolLocationId = :location");
            parameters.and("location", filter.schoolLocationId);
        }
        filter.from().ifPresent(from -> {
            query.append(" and occurredAt >= :from");
            parameters.and("from", from);
        });
        filter.before().ifPresent(before -> {
            query.append(" and occurredAt < :before");
            parameters.and("before", before);
        });
        filter.category().ifPresent(category -> {
            query.append(" and category = :category");
            parameters.and("category", category);
        });
        filter.severity().ifPresent(severity -> {
            query.append(" and severity = :severity");
            parameters.and("severity", severity);
        });
        filter.status().ifPresent(status -> {
            query.append(" and status = :status");
            parameters.and("status", status);
        });
        filter.policeReportStatus().ifPresent(policeReport -> {
            query.append(" and policeReportStatus = :policeReportStatus");
            parameters.and("policeReportStatus", policeReport);
        });
        if (filter.cursor != null) {
            List<String> keys = Cursor.decode(filter.cursor, 2);
            try {
                parameters.and("cursorAt", OffsetDateTime.parse(keys.get(0))).and("cursorId", UUID.fromString(keys.get(1)));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
            query.append(" and (occurredAt < :cursorAt or (occurredAt = :cursorAt and id < :cursorId))");
        }
        if (visible.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        query.append(" order by occurredAt desc, id desc");
        List<Incident> rows = Incident.<Incident>find(query.toString(), parameters).page(0, filter.limit + 1).list();
        List<IncidentSummary> items = rows.stream().limit(filter.limit).map(IncidentSummary::of).toList();
        if (rows.size() <= filter.limit) {
            return new Page<>(items, null);
        }
        Incident last = rows.get(filter.limit - 1);
        return new Page<>(items, Cursor.encode(last.occurredAt.toString(), last.id.toString()));
    }

    /** Every incident of the caller's own locations the student is involved in, oldest first, with the role in each. */
    @Transactional
    public List<ChronologyEntry> chronology(Pseudonymizer.Pseudonym pseudonym, Caller caller) {
        List<Incident> incidents = Incident.<Incident>find(
                "select distinct i from Incident i join i.involvedPersons p where p.pseudonym = ?1 and i.schoolLocationId in ?2 "
                        + "order by i.occurredAt, i.id", pseudonym.value(), caller.schoolLocationIds()).list();
        for (Incident incident : incidents) {
            processingLog.record(new ProcessingLog.Read(AGGREGATE, incident.id.toString(), incident.schoolLocationId,
                    List.of(pseudonym.value()), "pupil chronology"));
        }
        return incidents.stream().map(i -> ChronologyEntry.of(i, pseudonym.value())).toList();
    }

    private boolean mayRead(Incident incident, Caller caller) {
        return visibleLocations(caller).contains(incident.schoolLocationId);
    }

    Set<String> visibleLocations(Caller caller) {
        return switch (caller.role()) {
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> caller.schoolLocationIds();
            case BOARD -> caller.boardId().map(register::locationIdsOfBoard).orElse(Set.of());
            default -> Set.of();
        };
    }

    private static void requireOwnLocation(String schoolLocationId, Caller caller) {
        if (!caller.worksAt(schoolLocationId)) {
            throw new ProblemException(403, "not-your-school-location", "Not your school location",
                    "you may register incidents only for your own school locations", List.of(), Map.of());
        }
    }

    private Incident.Facts facts(IncidentRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<SchoolLocation> found = register.schoolLocation(request.schoolLocationId());
        if (found.isEmpty()) {
            throw ProblemException.invalid("schoolLocationId", "is not a registered school location");
        }
        SchoolLocation location = found.get();
        String district = request.district() == null ? location.districtId : request.district();
        if (register.district(district).isEmpty()) {
            errors.add(new Problem.FieldError("district", "is not a district of Rotterdam"));
        }
        List<InvolvedPerson> persons = involvedPersons(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Incident.Facts(location.id, location.sector.name(), district, request.locationType(), request.category(),
                request.severity(), request.description(), request.occurredAt(), persons);
    }

    private List<InvolvedPerson> involvedPersons(IncidentRequest request, List<Problem.FieldError> errors) {
        List<InvolvedPerson> persons = new ArrayList<>();
        List<IncidentRequest.InvolvedPersonRequest> requested = request.involvedPersons() == null ? List.of() : request.involvedPersons();
        for (int i = 0; i < requested.size(); i++) {
            IncidentRequest.InvolvedPersonRequest person = requested.get(i);
            String field = "involvedPersons[" + i + "]";
            boolean student = person.kind() == InvolvedPerson.Kind.STUDENT;
            if (student && (person.studentNumber() == null || person.studentNumber().isBlank())) {
                errors.add(new Problem.FieldError(field + ".studentNumber", "is required for a student"));
                continue;
            }
            if (!student && person.studentNumber() != null) {
                errors.add(new Problem.FieldError(field + ".studentNumber", "is only for students"));
                continue;
            }
            String school = person.schoolLocationId() == null && student ? request.schoolLocationId() : person.schoolLocationId();
            if (school != null && register.schoolLocation(school).isEmpty()) {
                errors.add(new Problem.FieldError(field + ".schoolLocationId", "is not a registered school location"));
                continue;
            }
            String pseudonym = student ? pseudonymizer.of(new Pseudonymizer.StudentNumber(person.studentNumber())).value() : null;
            persons.add(new InvolvedPerson(person.role(), person.kind(), pseudonym, school, Boolean.TRUE.equals(person.minor())));
        }
        return persons;
    }

    static IncidentEvent event(Incident incident) {
        return new IncidentEvent(incident.id, incident.schoolLocationId, incident.districtId, incident.locationType.name(),
                incident.category.name(), incident.severity.name(), incident.status.name(), incident.policeReportStatus.name(),
                incident.occurredAt,
                incident.involvedPersons.stream()
                        .map(p -> new IncidentEvent.InvolvedPerson(p.pseudonym, p.role.name(), p.kind.name(), p.schoolLocationId, p.minor))
                        .toList());
    }
}
