package nl.rotterdam.schoolsafe.escalation.escalation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseStatus.Action;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cross-school case in a district's queue: the aggregate root of this service. The safety
 * expert acknowledges, triages, engages partners, records decisions, monitors and closes it.
 */
@Entity
@Table(name = "escalation_case")
public class EscalationCase extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "district_id")
    public String districtId;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "response_due_at")
    public OffsetDateTime responseDueAt;
    public boolean overdue;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;
    public String outcome;
    @Version
    public long version;
    @ElementCollection
    @CollectionTable(name = "case_incident", joinColumns = @JoinColumn(name = "case_id"))
    public List<LinkedIncident> incidents = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "rule_firing", joinColumns = @JoinColumn(name = "case_id"))
    public List<RuleFiring> firings = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "case_entry", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    public List<CaseEntry> chronology = new ArrayList<>();

    protected EscalationCase() {
    }

    /** Opens a case for an incident that one or more rules found cross-school. */
    static EscalationCase open(IncidentEvent incident, List<RuleFired> fired, Duration responseTime, Priority priority, OffsetDateTime now) {
        if (fired.isEmpty()) {
            throw new IllegalArgumentException("a case opens only when a rule fired");
        }
        EscalationCase opened = new EscalationCase();
        opened.id = UUID.randomUUID();
        opened.districtId = incident.district();
        opened.status = CaseStatus.OPEN;
        opened.priority = priority;
        opened.openedAt = now;
        opened.responseDueAt = now.plus(responseTime);
        opened.chronology.add(new CaseEntry(now, "system", "opened", "opened for incident " + incident.incidentId()));
        opened.link(incident, fired, now);
        return opened;
    }

    /** Links another incident to this open case; a more urgent incident raises the priority. */
    void link(IncidentEvent incident, List<RuleFired> fired, OffsetDateTime now) {
        incidents.add(new LinkedIncident(incident.incidentId(), incident.schoolLocationId(), incident.category(),
                incident.severity(), incident.occurredAt(), now));
        fired.forEach(f -> firings.add(new RuleFiring(incident.incidentId(), f.rule(), f.explanation(), now)));
        if (incidents.size() > 1) {
            require(Action.LINK);
            priority = priority.atLeast(Priority.of(incident, fired));
            chronology.add(new CaseEntry(now, "system", "linked", "incident " + incident.incidentId() + " joined the case"));
        }
    }

    boolean links(UUID incidentId) {
        return incidents.stream().anyMatch(i -> i.incidentId.equals(incidentId));
    }

    public void acknowledge(String expert, OffsetDateTime now) {
        require(Action.ACKNOWLEDGE);
        status = CaseStatus.ACKNOWLEDGED;
        acknowledgedBy = expert;
        acknowledgedAt = now;
        chronology.add(new CaseEntry(now, expert, "acknowledged", null));
    }

    public void triage(Priority assessed, String expert, OffsetDateTime now) {
        require(Action.TRIAGE);
        status = CaseStatus.TRIAGED;
        priority = assessed;
        chronology.add(new CaseEntry(now, expert, "triaged", "priority " + assessed));
    }

    /** Checks that partners may be engaged now; the engagement itself is its own aggregate. */
    public void recordEngagement(String partnerId, String purpose, String expert, OffsetDateTime now) {
        require(Action.ENGAGE_PARTNER);
        chronology.add(new CaseEntry(now, expert, "partner-engaged", partnerId + " for " + purpose));
    }

    public void recordDecision(String decision, String expert, OffsetDateTime now) {
        require(Action.RECORD_DECISION);
        chronology.add(new CaseEntry(now, expert, "decision", decision));
    }

    public void monitor(String expert, OffsetDateTime now) {
        require(Action.MONITOR);
        status = CaseStatus.MONITORING;
        chronology.add(new CaseEntry(now, expert, "monitoring", null));
    }

    public void close(String outcome, String expert, OffsetDateTime now) {
        require(Action.CLOSE);
        if (outcome == null || outcome.isBlank()) {
            throw ProblemException.invalid("outcome", "is required");
        }
        status = CaseStatus.CLOSED;
        this.outcome = outcome;
        chronology.add(new CaseEntry(now, expert, "closed", outcome));
    }

    /** Flags the case overdue once, when it is still unacknowledged after its response deadline. */
    public boolean markOverdueIfLate(OffsetDateTime now) {
        if (overdue || status != CaseStatus.OPEN || !now.isAfter(responseDueAt)) {
            return false;
        }
        overdue = true;
        chronology.add(new CaseEntry(now, "system", "overdue", "not acknowledged by " + responseDueAt));
        return true;
    }

    public void note(String actor, String kind, String text, OffsetDateTime now) {
        chronology.add(new CaseEntry(now, actor, kind, text));
    }

    private void require(Action action) {
        if (!status.allowed().contains(action)) {
            throw ProblemException.illegalState("cannot " + action.name().toLowerCase().replace('_', ' ') + " a case that is " + status,
                    status.name(), status.allowed().stream().map(Enum::name).toList());
        }
    }
}
