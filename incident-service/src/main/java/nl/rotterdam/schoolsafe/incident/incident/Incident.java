package nl.rotterdam.schoolsafe.incident.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
import jakarta.persistence.Version;
import nl.rotterdam.schoolsafe.incident.followup.FollowUpMeasure;
import org.hibernate.annotations.BatchSize;
import nl.rotterdam.schoolsafe.incident.incident.IncidentStatus.Action;
import nl.rotterdam.schoolsafe.incident.policereport.ParentConsultation;
import nl.rotterdam.schoolsafe.incident.policereport.PoliceReportStatus;
import nl.rotterdam.schoolsafe.incident.policereport.PoliceReportStep;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A school's incident (melding): the aggregate root. It changes only through its methods, each
 * checking the current state; an action the state does not allow is a 409 naming the allowed ones.
 */
@Entity
public class Incident extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "school_location_id")
    public String schoolLocationId;
    public String sector;
    @Column(name = "district_id")
    public String districtId;
    @Enumerated(EnumType.STRING)
    @Column(name = "location_type")
    public LocationType locationType;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public String description;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "reported_at")
    public OffsetDateTime reportedAt;
    @Enumerated(EnumType.STRING)
    public IncidentStatus status;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "closed_reason")
    public String closedReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "police_report_status")
    public PoliceReportStatus policeReportStatus;
    @Column(name = "police_report_reason")
    public String policeReportReason;
    @Column(name = "shareable_summary")
    public String shareableSummary;
    @Version
    public long version;
    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "involved_person", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    public List<InvolvedPerson> involvedPersons = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "police_report_step", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    public List<PoliceReportStep> policeReportSteps = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "parent_consultation", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    public List<ParentConsultation> parentConsultations = new ArrayList<>();
    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("decidedAt")
    public List<FollowUpMeasure> measures = new ArrayList<>();

    protected Incident() {
    }

    /** What a school reports; the facts are checked here, the request's shape at the edge. */
    public record Facts(String schoolLocationId, String sector, String districtId, LocationType locationType, Category category,
                        Severity severity, String description, OffsetDateTime occurredAt, List<InvolvedPerson> involvedPersons) {
    }

    /** Reports an incident, as a draft to complete later or registered at once. */
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
        return incident;
    }

    /** Corrects the facts of an incident that is not closed. */
    public void revise(Facts facts, OffsetDateTime now) {
        require(Action.UPDATE);
        if (!facts.schoolLocationId().equals(schoolLocationId)) {
            throw ProblemException.invalid("schoolLocationId", "cannot change; register the incident at the other location instead");
        }
        apply(facts, now);
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

    public void register() {
        require(Action.REGISTER);
        status = IncidentStatus.REGISTERED;
    }

    public void startFollowUp() {
        require(Action.START_FOLLOW_UP);
        status = IncidentStatus.IN_FOLLOW_UP;
    }

    /** Writes the summary partners may see once the incident is escalated; a draft is not shared. */
    public void writeShareableSummary(ShareableSummary summary) {
        require(Action.WRITE_SHAREABLE_SUMMARY);
        shareableSummary = summary.text();
    }

    public void close(String reason) {
        require(Action.CLOSE);
        requireReason(reason);
        status = IncidentStatus.CLOSED;
        closedReason = reason;
    }

    public void reopen(String reason) {
        require(Action.REOPEN);
        requireReason(reason);
        status = measures.isEmpty() ? IncidentStatus.REGISTERED : IncidentStatus.IN_FOLLOW_UP;
        closedReason = null;
    }

    /**
     * Takes the next step of the police-report decision. Filing needs the police consulted first
     * and, for every minor student involved, a recorded consultation of a parent or guardian.
     */
    public void decidePoliceReport(PoliceReportStatus next, String reason, String by, OffsetDateTime now) {
        require(Action.DECIDE_POLICE_REPORT);
        if (!policeReportStatus.next().contains(next)) {
            throw ProblemException.illegalState("the police-report decision cannot go from " + policeReportStatus + " to " + next,
                    policeReportStatus.name(), policeReportStatus.next().stream().map(Enum::name).toList());
        }
        if (next == PoliceReportStatus.NOT_FILED) {
            requireReason(reason);
        }
        if (next == PoliceReportStatus.FILED) {
            List<Integer> unconsulted = minorsWithoutParentConsultation();
            if (!unconsulted.isEmpty()) {
                throw new ProblemException(409, "parents-not-consulted", "Parents not consulted",
                        "a police report concerning a minor needs a recorded consultation of a parent or guardian first",
                        List.of(), Map.of("minorsWithoutConsultation", unconsulted.stream().map(i -> "involvedPersons[" + i + "]").toList()));
            }
        }
        policeReportStatus = next;
        policeReportReason = reason;
        policeReportSteps.add(new PoliceReportStep(next, now, by, reason));
    }

    public void recordParentConsultation(int personIndex, ParentConsultation.Guardian guardian, OffsetDateTime consultedAt,
                                         String by, OffsetDateTime now) {
        require(Action.DECIDE_POLICE_REPORT);
        InvolvedPerson person = student(personIndex);
        if (!person.minor) {
            throw ProblemException.invalid("personIndex", "involvedPersons[" + personIndex + "] is not a minor");
        }
        if (consultedAt.isAfter(now)) {
            throw ProblemException.invalid("consultedAt", "must not be in the future");
        }
        parentConsultations.add(new ParentConsultation(personIndex, guardian, consultedAt, by));
    }

    List<Integer> minorsWithoutParentConsultation() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < involvedPersons.size(); i++) {
            int index = i;
            InvolvedPerson person = involvedPersons.get(i);
            if (person.kind == InvolvedPerson.Kind.STUDENT && person.minor
                    && parentConsultations.stream().noneMatch(c -> c.personIndex == index)) {
                missing.add(i);
            }
        }
        return missing;
    }

    public FollowUpMeasure suspend(int personIndex, LocalDate start, LocalDate end, String by, OffsetDateTime now, Period notifyWithin) {
        require(Action.RECORD_MEASURE);
        FollowUpMeasure suspension = FollowUpMeasure.suspension(this, personIndex, student(personIndex).pseudonym,
                start, end, by, now, notifyWithin);
        return addMeasure(suspension);
    }

    public FollowUpMeasure expel(int personIndex, LocalDate start, OffsetDateTime parentsHeardAt, String by, OffsetDateTime now,
                                 Period notifyWithin) {
        require(Action.RECORD_MEASURE);
        FollowUpMeasure expulsion = FollowUpMeasure.expulsion(this, personIndex, student(personIndex).pseudonym,
                start, parentsHeardAt, by, now, notifyWithin);
        return addMeasure(expulsion);
    }

    private FollowUpMeasure addMeasure(FollowUpMeasure measure) {
        measures.add(measure);
        status = IncidentStatus.IN_FOLLOW_UP;
        return measure;
    }

    private InvolvedPerson student(int personIndex) {
        if (personIndex < 0 || personIndex >= involvedPersons.size()) {
            throw ProblemException.invalid("personIndex", "must point at one of the " + involvedPersons.size() + " involved persons");
        }
        InvolvedPerson person = involvedPersons.get(personIndex);
        if (person.kind != InvolvedPerson.Kind.STUDENT) {
            throw ProblemException.invalid("personIndex", "involvedPersons[" + personIndex + "] is not a student");
        }
        return person;
    }

    private void require(Action action) {
        if (!status.allows(action)) {
            throw ProblemException.illegalState("cannot " + action.name().toLowerCase().replace('_', ' ') + " an incident that is " + status,
                    status.name(), status.allowed().stream().map(Enum::name).toList());
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("reason", "is required")));
        }
    }

    /** The fields the audit trail compares before and after a change. */
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
        snapshot.put("involvedPersons", involvedPersons.stream()
                .map(p -> p.role + "/" + p.kind + "/" + Objects.toString(p.pseudonym, "-") + "/" + Objects.toString(p.schoolLocationId, "-") + (p.minor ? "/minor" : ""))
                .toList());
        snapshot.put("closedReason", closedReason);
        snapshot.put("policeReportStatus", policeReportStatus);
        snapshot.put("policeReportReason", policeReportReason);
        snapshot.put("parentConsultations", parentConsultations.size());
        snapshot.put("measures", measures.size());
        return snapshot;
    }
}
