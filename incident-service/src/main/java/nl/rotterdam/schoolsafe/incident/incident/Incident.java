package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.incident.IncidentStatus.Action;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.hibernate.annotations.BatchSize;

/**
 * A school's incident (melding): the aggregate root. It changes only through its methods, each
 * checking the current state and registering what happened; an action the state does not allow is
 * a 409 naming the allowed ones. A draft stays inside the school: its changes publish nothing.
 */
@Entity
public class Incident extends AggregateRoot {
    @Id
    private UUID id;

    @Column(name = "school_location_id")
    private String schoolLocationId;

    private String sector;

    @Column(name = "district_id")
    private String districtId;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_type")
    private LocationType locationType;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    private String description;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @Column(name = "reported_at")
    private OffsetDateTime reportedAt;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "closed_reason")
    private String closedReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "police_report_status")
    private PoliceReportStatus policeReportStatus;

    @Column(name = "police_report_reason")
    private String policeReportReason;

    @Column(name = "police_report_route")
    private String policeReportRoute;

    @Column(name = "shareable_summary")
    private String shareableSummary;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "involved_person", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    private List<InvolvedPerson> involvedPersons = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "police_report_step", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    private List<PoliceReportStep> policeReportSteps = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "police_consultation", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    private List<PoliceConsultation> policeConsultations = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "parent_consultation", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    private List<ParentConsultation> parentConsultations = new ArrayList<>();

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("decidedAt")
    private List<FollowUpMeasure> measures = new ArrayList<>();

    protected Incident() {}

    /** What a school reports; the facts are checked here, the request's shape at the edge. */
    public record Facts(
            String schoolLocationId,
            String sector,
            String districtId,
            LocationType locationType,
            Category category,
            Severity severity,
            String description,
            OffsetDateTime occurredAt,
            List<InvolvedPerson> involvedPersons) {}

    /** Reports an incident, as a draft to complete later or registered at once; only the latter is published. */
    public static Incident report(Facts facts, boolean draft, String reportedBy, OffsetDateTime now) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.schoolLocationId = facts.schoolLocationId();
        incident.sector = facts.sector();
        incident.apply(facts, now);
        incident.reportedAt = now;
        incident.registeredBy = reportedBy;
        incident.status = draft ? IncidentStatus.DRAFT : IncidentStatus.REGISTERED;
        incident.policeReportStatus = PoliceReportStatus.NONE;
        if (!draft) {
            incident.happened(EventType.INCIDENT_REPORTED);
        }
        return incident;
    }

    /** Corrects the facts of an incident that is not closed. */
    public void revise(Facts facts, OffsetDateTime now) {
        require(Action.UPDATE);
        if (!facts.schoolLocationId().equals(schoolLocationId)) {
            throw ProblemException.invalid(
                    "schoolLocationId", "cannot change; register the incident at the other location instead");
        }
        apply(facts, now);
        updated();
    }

    private void apply(Facts facts, OffsetDateTime now) {
        if (facts.occurredAt().isAfter(now)) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        districtId = facts.districtId();
        locationType = facts.locationType();
        category = facts.category();
        severity = facts.severity();
        description = facts.description();
        occurredAt = facts.occurredAt();
        if (!involvedPersons.equals(facts.involvedPersons())) {
            involvedPersons.clear();
            involvedPersons.addAll(facts.involvedPersons());
        }
    }

    /** Registers a draft: for the other services it is reported only now. */
    public void register() {
        require(Action.REGISTER);
        status = IncidentStatus.REGISTERED;
        happened(EventType.INCIDENT_REPORTED);
    }

    public void startFollowUp() {
        require(Action.START_FOLLOW_UP);
        status = IncidentStatus.IN_FOLLOW_UP;
        updated();
    }

    /** Writes the summary partners may see once the incident is escalated; a draft is not shared. */
    public void writeShareableSummary(ShareableSummary summary) {
        require(Action.WRITE_SHAREABLE_SUMMARY);
        shareableSummary = summary.text();
        updated();
    }

    public void close(String reason) {
        require(Action.CLOSE);
        requireReason(reason);
        status = IncidentStatus.CLOSED;
        closedReason = reason;
        happened(EventType.INCIDENT_CLOSED);
    }

    public void reopen(String reason) {
        require(Action.REOPEN);
        requireReason(reason);
        status = measures.isEmpty() ? IncidentStatus.REGISTERED : IncidentStatus.IN_FOLLOW_UP;
        closedReason = null;
        updated();
    }

    /**
     * Takes the next step of police involvement: the internal weighing (CONSIDERING), or, once the police or
     * enforcement were consulted, the outcome. Another route names its route, no action its reason; every outcome
     * concerning a minor needs a recorded consultation of a parent or guardian of each minor student involved.
     */
    public void decidePoliceReport(
            PoliceReportStatus next, InvolvementRoute route, String reason, String by, OffsetDateTime now) {
        require(Action.DECIDE_POLICE_REPORT);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (next == PoliceReportStatus.CONSULTED || next == PoliceReportStatus.NONE) {
            errors.add(new Problem.FieldError(
                    "status",
                    next == PoliceReportStatus.CONSULTED
                            ? "a consultation is recorded as one (POST …/police-report/consultations), not decided"
                            : "cannot be decided"));
        }
        if (next == PoliceReportStatus.OTHER_ROUTE && route == null) {
            errors.add(new Problem.FieldError("route", "is required for OTHER_ROUTE"));
        }
        if (next != PoliceReportStatus.OTHER_ROUTE && route != null) {
            errors.add(new Problem.FieldError("route", "is only for OTHER_ROUTE"));
        }
        if (next == PoliceReportStatus.NO_ACTION && (reason == null || reason.isBlank())) {
            errors.add(new Problem.FieldError("reason", "is required for NO_ACTION"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (next.isOutcome() && !policeReportStatus.isOutcome() && policeReportStatus != PoliceReportStatus.CONSULTED) {
            throw new ProblemException(
                    409,
                    "police-or-enforcement-not-consulted",
                    "Police or enforcement not consulted",
                    "an outcome needs a recorded consultation with the police or with enforcement first",
                    List.of(),
                    Map.of("currentStatus", policeReportStatus.name()));
        }
        if (!policeReportStatus.next().contains(next)) {
            throw ProblemException.illegalState(
                    "police involvement cannot go from " + policeReportStatus + " to " + next,
                    policeReportStatus.name(),
                    policeReportStatus.next().stream().map(Enum::name).toList());
        }
        if (next.isOutcome()) {
            List<Integer> unconsulted = minorsWithoutParentConsultation();
            if (!unconsulted.isEmpty()) {
                throw new ProblemException(
                        409,
                        "parents-not-consulted",
                        "Parents not consulted",
                        "every outcome concerning a minor needs a recorded consultation of a parent or guardian first",
                        List.of(),
                        Map.of(
                                "minorsWithoutConsultation",
                                unconsulted.stream()
                                        .map(i -> "involvedPersons[" + i + "]")
                                        .toList()));
            }
        }
        String routeCode = route == null ? null : route.code();
        policeReportStatus = next;
        policeReportReason = reason;
        policeReportRoute = routeCode;
        policeReportSteps.add(new PoliceReportStep(next, now, by, reason, routeCode));
        updated();
    }

    /**
     * Records a consultation with the police or with enforcement, after the internal weighing started and before the
     * outcome; the first one moves the weighing to CONSULTED.
     */
    public void recordPoliceConsultation(
            PoliceConsultation.Party party, String contact, OffsetDateTime consultedAt, String by, OffsetDateTime now) {
        require(Action.DECIDE_POLICE_REPORT);
        if (policeReportStatus != PoliceReportStatus.CONSIDERING
                && policeReportStatus != PoliceReportStatus.CONSULTED) {
            throw ProblemException.illegalState(
                    "a consultation with the police or enforcement comes after the internal weighing started and"
                            + " before the outcome; police involvement is " + policeReportStatus,
                    policeReportStatus.name(),
                    policeReportStatus.next().stream().map(Enum::name).toList());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (contact == null || contact.isBlank()) {
            errors.add(new Problem.FieldError("contact", "is required"));
        }
        if (consultedAt.isAfter(now)) {
            errors.add(new Problem.FieldError("consultedAt", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        policeConsultations.add(new PoliceConsultation(party, contact.strip(), consultedAt, by));
        if (policeReportStatus == PoliceReportStatus.CONSIDERING) {
            policeReportStatus = PoliceReportStatus.CONSULTED;
            policeReportReason = null;
            policeReportSteps.add(new PoliceReportStep(PoliceReportStatus.CONSULTED, now, by, null, null));
        }
        updated();
    }

    public void recordParentConsultation(
            int personIndex,
            ParentConsultation.Guardian guardian,
            OffsetDateTime consultedAt,
            String by,
            OffsetDateTime now) {
        require(Action.DECIDE_POLICE_REPORT);
        InvolvedPerson person = student(personIndex);
        if (!person.minor) {
            throw ProblemException.invalid("personIndex", "involvedPersons[" + personIndex + "] is not a minor");
        }
        if (consultedAt.isAfter(now)) {
            throw ProblemException.invalid("consultedAt", "must not be in the future");
        }
        parentConsultations.add(new ParentConsultation(personIndex, guardian, consultedAt, by));
        updated();
    }

    List<Integer> minorsWithoutParentConsultation() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < involvedPersons.size(); i++) {
            int index = i;
            InvolvedPerson person = involvedPersons.get(i);
            if (person.kind == InvolvedPerson.Kind.STUDENT
                    && person.minor
                    && parentConsultations.stream().noneMatch(c -> c.personIndex == index)) {
                missing.add(i);
            }
        }
        return missing;
    }

    public FollowUpMeasure suspend(
            int personIndex, LocalDate start, LocalDate end, String by, OffsetDateTime now, Period notifyWithin) {
        require(Action.RECORD_MEASURE);
        FollowUpMeasure suspension = FollowUpMeasure.suspension(
                this, personIndex, student(personIndex).pseudonym, start, end, by, now, notifyWithin);
        return addMeasure(suspension);
    }

    /** Decides an expulsion; the municipality is informed of it (pseudonym only) besides the update. */
    public FollowUpMeasure expel(
            int personIndex,
            LocalDate start,
            OffsetDateTime parentsHeardAt,
            String by,
            OffsetDateTime now,
            Period notifyWithin) {
        require(Action.RECORD_MEASURE);
        FollowUpMeasure expulsion = FollowUpMeasure.expulsion(
                this, personIndex, student(personIndex).pseudonym, start, parentsHeardAt, by, now, notifyWithin);
        addMeasure(expulsion);
        registerEvent(new ExpulsionDecided(this, expulsion));
        return expulsion;
    }

    private FollowUpMeasure addMeasure(FollowUpMeasure measure) {
        measures.add(measure);
        status = IncidentStatus.IN_FOLLOW_UP;
        updated();
        return measure;
    }

    /** Records that the Inspectorate was notified of one of the incident's measures. */
    public FollowUpMeasure recordInspectorateNotification(
            UUID measureId, OffsetDateTime notifiedAt, OffsetDateTime now) {
        FollowUpMeasure measure = measure(measureId);
        measure.recordNotification(notifiedAt, now);
        updated();
        return measure;
    }

    /** Records the school's duty of care after one of the incident's expulsions; the municipality follows it. */
    public FollowUpMeasure recordDutyOfCare(UUID measureId, String interimEducation, LocalDate newSchoolFoundOn) {
        FollowUpMeasure measure = measure(measureId);
        measure.recordDutyOfCare(interimEducation, newSchoolFoundOn);
        updated();
        registerEvent(new ExpulsionFollowedUp(this, measure));
        return measure;
    }

    /** Records that the parents were told of their right to object to an expulsion, and their objection. */
    public FollowUpMeasure recordRightToObject(
            UUID measureId, OffsetDateTime informedAt, LocalDate objectionLodgedOn, OffsetDateTime now) {
        FollowUpMeasure measure = measure(measureId);
        measure.recordRightToObject(informedAt, objectionLodgedOn, now);
        updated();
        registerEvent(new ExpulsionFollowedUp(this, measure));
        return measure;
    }

    private FollowUpMeasure measure(UUID measureId) {
        return measures.stream()
                .filter(m -> m.id.equals(measureId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("measure " + measureId));
    }

    private InvolvedPerson student(int personIndex) {
        if (personIndex < 0 || personIndex >= involvedPersons.size()) {
            throw ProblemException.invalid(
                    "personIndex", "must point at one of the " + involvedPersons.size() + " involved persons");
        }
        InvolvedPerson person = involvedPersons.get(personIndex);
        if (person.kind != InvolvedPerson.Kind.STUDENT) {
            throw ProblemException.invalid("personIndex", "involvedPersons[" + personIndex + "] is not a student");
        }
        return person;
    }

    private void require(Action action) {
        if (!status.allows(action)) {
            throw ProblemException.illegalState(
                    "cannot " + action.name().toLowerCase().replace('_', ' ') + " an incident that is " + status,
                    status.name(),
                    status.allowed().stream().map(Enum::name).toList());
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("reason", "is required")));
        }
    }

    /** Any other change: published as an update, except while the incident is a draft. */
    private void updated() {
        if (status != IncidentStatus.DRAFT) {
            happened(EventType.INCIDENT_UPDATED);
        }
    }

    private void happened(EventType type) {
        registerEvent(new IncidentChanged(type, this));
    }

    @Override
    public String aggregateType() {
        return "incident";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    /** The school location that registered the incident: its audit trail and processing log are filed there. */
    @Override
    public String owner() {
        return schoolLocationId;
    }

    /** The snapshot's fields that are police involvement: the safety coordinator's alone, in the trail as in the view. */
    public static final Set<String> POLICE_INVOLVEMENT_FIELDS = Set.of(
            "policeReportStatus",
            "policeReportReason",
            "policeReportRoute",
            "policeConsultations",
            "parentConsultations");

    /** The audited actions of police involvement: a decision ({@code police-report:<status>}) and the consultations. */
    public static final String POLICE_REPORT_ACTION = "police-report:";

    public static final String POLICE_CONSULTATION_ACTION = "police-consultation";
    public static final String PARENT_CONSULTATION_ACTION = "parent-consultation";

    public static boolean isPoliceInvolvement(String action) {
        return action.startsWith(POLICE_REPORT_ACTION)
                || action.equals(POLICE_CONSULTATION_ACTION)
                || action.equals(PARENT_CONSULTATION_ACTION);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", status);
        snapshot.put("districtId", districtId);
        snapshot.put("locationType", locationType);
        snapshot.put("category", category);
        snapshot.put("severity", severity);
        snapshot.put("description", description);
        snapshot.put("shareableSummary", shareableSummary);
        snapshot.put("occurredAt", occurredAt == null ? null : occurredAt.toString());
        snapshot.put(
                "involvedPersons",
                involvedPersons.stream()
                        .map(p -> p.role + "/" + p.kind + "/" + Objects.toString(p.pseudonym, "-") + "/"
                                + Objects.toString(p.schoolLocationId, "-") + (p.minor ? "/minor" : ""))
                        .toList());
        snapshot.put("closedReason", closedReason);
        snapshot.put("policeReportStatus", policeReportStatus);
        snapshot.put("policeReportReason", policeReportReason);
        snapshot.put("policeReportRoute", policeReportRoute);
        snapshot.put("policeConsultations", policeConsultations.size());
        snapshot.put("parentConsultations", parentConsultations.size());
        snapshot.put("measures", measures.size());
        return snapshot;
    }

    /** The pseudonyms of the students involved: whose data a read of the incident processes. */
    public List<String> pseudonyms() {
        return involvedPersons.stream()
                .map(p -> p.pseudonym)
                .filter(Objects::nonNull)
                .toList();
    }

    public UUID id() {
        return id;
    }

    public String schoolLocationId() {
        return schoolLocationId;
    }

    public String sector() {
        return sector;
    }

    public String districtId() {
        return districtId;
    }

    public LocationType locationType() {
        return locationType;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public OffsetDateTime reportedAt() {
        return reportedAt;
    }

    public IncidentStatus status() {
        return status;
    }

    public String closedReason() {
        return closedReason;
    }

    public PoliceReportStatus policeReportStatus() {
        return policeReportStatus;
    }

    public String policeReportReason() {
        return policeReportReason;
    }

    public String shareableSummary() {
        return shareableSummary;
    }

    public List<InvolvedPerson> involvedPersons() {
        return Collections.unmodifiableList(involvedPersons);
    }

    public String policeReportRoute() {
        return policeReportRoute;
    }

    public List<PoliceConsultation> policeConsultations() {
        return Collections.unmodifiableList(policeConsultations);
    }

    public List<PoliceReportStep> policeReportSteps() {
        return Collections.unmodifiableList(policeReportSteps);
    }

    public List<ParentConsultation> parentConsultations() {
        return Collections.unmodifiableList(parentConsultations);
    }

    public List<FollowUpMeasure> measures() {
        return Collections.unmodifiableList(measures);
    }
}
