package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.incident.pseudonym.Pseudonymizer;
import nl.rotterdam.schoolsafe.incident.register.RegisterService;
import nl.rotterdam.schoolsafe.incident.register.SchoolLocation;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IncidentService {
    private final RegisterService register;
    private final Pseudonymizer pseudonymizer;
    private final Outbox outbox;
    private final Clock clock;

    IncidentService(RegisterService register, Pseudonymizer pseudonymizer, Outbox outbox, Clock clock) {
        this.register = register;
        this.pseudonymizer = pseudonymizer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Incident register(IncidentRequest request, Caller caller) {
        if (!caller.worksAt(request.schoolLocationId())) {
            throw new ProblemException(403, "not-your-school-location", "Not your school location",
                    "you may register incidents only for your own school locations", List.of(), Map.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        SchoolLocation location = register.schoolLocation(request.schoolLocationId())
                .orElseThrow(() -> ProblemException.invalid("schoolLocationId", "is not a registered school location"));
        String district = request.district() == null ? location.districtId : request.district();
        if (register.district(district).isEmpty()) {
            errors.add(new Problem.FieldError("district", "is not a district of Rotterdam"));
        }
        List<InvolvedPerson> persons = involvedPersons(request, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Incident incident = Incident.register(new Incident.Facts(location.id, district, request.locationType(),
                request.category(), request.severity(), request.description(), request.occurredAt(), persons),
                caller.subject(), OffsetDateTime.now(clock));
        incident.persist();
        outbox.record(Topics.INCIDENT, EventTypes.INCIDENT_REPORTED, incident.id.toString(), event(incident));
        return incident;
    }

    /** The incident if the caller's tenancy covers it; another tenant's incident is as absent as a missing one. */
    public Optional<Incident> find(UUID id, Caller caller) {
        return Incident.<Incident>findByIdOptional(id).filter(incident -> mayRead(incident, caller));
    }

    private boolean mayRead(Incident incident, Caller caller) {
        return switch (caller.role()) {
            case SCHOOL_STAFF, SAFETY_COORDINATOR -> caller.worksAt(incident.schoolLocationId);
            case BOARD -> caller.boardId().flatMap(board -> register.schoolLocation(incident.schoolLocationId)
                    .map(location -> location.boardId.equals(board))).orElse(false);
            default -> false;
        };
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
            persons.add(new InvolvedPerson(person.role(), person.kind(), pseudonym, school));
        }
        return persons;
    }

    static IncidentEvent event(Incident incident) {
        return new IncidentEvent(incident.id, incident.schoolLocationId, incident.districtId, incident.locationType.name(),
                incident.category.name(), incident.severity.name(), incident.status.name(), incident.occurredAt,
                incident.involvedPersons.stream()
                        .map(p -> new IncidentEvent.InvolvedPerson(p.pseudonym, p.role.name(), p.kind.name(), p.schoolLocationId))
                        .toList());
    }
}
