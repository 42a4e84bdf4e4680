package nl.rotterdam.schoolsafe.escalation.escalation;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseStatus.Action;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * A cross-school case in a district's queue: the aggregate root of this service. The safety
 * expert acknowledges, triages, engages partners, records decisions, monitors and closes it.
 */
@Entity
@Table(name = "escalation_case")
public class EscalationCase extends AggregateRoot {
    public static final String AGGREGATE = "escalation";

    @Id
    private UUID id;

    @Column(name = "district_id")
    private String districtId;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    @Column(name = "opened_at")
    private OffsetDateTime openedAt;

    @Column(name = "response_due_at")
    private OffsetDateTime responseDueAt;

    private boolean overdue;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    private String outcome;

    /** Whether a district-cluster rule brought an incident in: such a case gathers the district's later cluster incidents. */
    private boolean clustered;

    // ordered lists: linking one more incident inserts its rows instead of rewriting the collection
    @ElementCollection
    @CollectionTable(name = "case_incident", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    private List<LinkedIncident> incidents = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "rule_firing", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    private List<RuleFiring> firings = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_entry", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    private List<CaseEntry> chronology = new ArrayList<>();

    protected EscalationCase() {}

    /**
     * Opens a case for an incident that one or more rules found cross-school, together with the
     * earlier incidents a rule found it belongs with.
     */
    static EscalationCase open(
            Detected detected, List<Detected> earlier, Priority priority, Duration responseTime, OffsetDateTime now) {
        EscalationCase opened = new EscalationCase();
        opened.id = UUID.randomUUID();
        opened.districtId = detected.incident().district();
        opened.status = CaseStatus.OPEN;
        opened.priority = priority;
        opened.openedAt = now;
        opened.responseDueAt = now.plus(responseTime);
        opened.chronology.add(new CaseEntry(
                now,
                "system",
                CaseEntry.Kind.OPENED,
                "opened for incident " + detected.incident().incidentId()));
        opened.join(detected, now);
        earlier.forEach(e -> opened.join(e, now));
        opened.registerEvent(new CaseChanged(EventType.ESCALATION_OPENED, opened));
        return opened;
    }

    /** Links another incident, and the earlier ones it brings along, to this open case. */
    void link(Detected detected, List<Detected> earlier, OffsetDateTime now) {
        require(Action.LINK);
        join(detected, now);
        earlier.forEach(e -> join(e, now));
        changed();
    }

    /** A more urgent incident joining raises the case's priority; the first one set it. */
    private void join(Detected detected, OffsetDateTime now) {
        UUID incidentId = detected.incident().incidentId();
        if (links(incidentId)) {
            return;
        }
        incidents.add(new LinkedIncident(
                incidentId,
                detected.incident().schoolLocationId(),
                detected.incident().category(),
                detected.incident().severity(),
                detected.incident().occurredAt(),
                now));
        detected.fired().forEach(f -> firings.add(new RuleFiring(incidentId, f.rule(), f.explanation(), now)));
        clustered |= detected.fired().stream().anyMatch(f -> f.rule() == DetectionRule.DISTRICT_CLUSTER);
        if (incidents.size() > 1) {
            priority = priority.atLeast(Priority.of(detected));
            chronology.add(
                    new CaseEntry(now, "system", CaseEntry.Kind.LINKED, "incident " + incidentId + " joined the case"));
        }
    }

    boolean links(UUID incidentId) {
        return incidents.stream().anyMatch(i -> i.incidentId().equals(incidentId));
    }

    public void acknowledge(String expert, OffsetDateTime now) {
        require(Action.ACKNOWLEDGE);
        status = CaseStatus.ACKNOWLEDGED;
        acknowledgedBy = expert;
        acknowledgedAt = now;
        chronology.add(new CaseEntry(now, expert, CaseEntry.Kind.ACKNOWLEDGED, null));
        changed();
    }

    public void triage(Priority assessed, String expert, OffsetDateTime now) {
        require(Action.TRIAGE);
        status = CaseStatus.TRIAGED;
        priority = assessed;
        chronology.add(new CaseEntry(now, expert, CaseEntry.Kind.TRIAGED, "priority " + assessed));
        changed();
    }

    /** Checks that partners may be engaged now; the engagement itself is its own aggregate. */
    public void recordEngagement(String partnerId, String purpose, String expert, OffsetDateTime now) {
        require(Action.ENGAGE_PARTNER);
        chronology.add(new CaseEntry(now, expert, CaseEntry.Kind.PARTNER_ENGAGED, partnerId + " for " + purpose));
        changed();
    }

    public void recordDecision(String decision, String expert, OffsetDateTime now) {
        require(Action.RECORD_DECISION);
        chronology.add(new CaseEntry(now, expert, CaseEntry.Kind.DECISION, decision));
        changed();
    }

    public void monitor(String expert, OffsetDateTime now) {
        require(Action.MONITOR);
        status = CaseStatus.MONITORING;
        chronology.add(new CaseEntry(now, expert, CaseEntry.Kind.MONITORING, null));
        changed();
    }

    void close(String outcome, String expert, OffsetDateTime now) {
        require(Action.CLOSE);
        if (outcome == null || outcome.isBlank()) {
            throw ProblemException.invalid("outcome", "is required");
        }
        status = CaseStatus.CLOSED;
        this.outcome = outcome;
        chronology.add(new CaseEntry(now, expert, CaseEntry.Kind.CLOSED, outcome));
        registerEvent(new CaseChanged(EventType.ESCALATION_CLOSED, this));
    }

    /** Flags the case overdue once, when it is still unacknowledged after its response deadline. */
    public boolean markOverdueIfLate(OffsetDateTime now) {
        if (overdue || status != CaseStatus.OPEN || !now.isAfter(responseDueAt)) {
            return false;
        }
        overdue = true;
        chronology.add(new CaseEntry(now, "system", CaseEntry.Kind.OVERDUE, "not acknowledged by " + responseDueAt));
        registerEvent(new CaseChanged(EventType.ESCALATION_OVERDUE, this));
        return true;
    }

    /** A partner's news on its engagement (accepted, progress, completed) for the expert's chronology; announced as an update. */
    public void recordEngagementNews(String partner, CaseEntry.Kind kind, String text, OffsetDateTime now) {
        chronology.add(new CaseEntry(now, partner, kind, text));
        changed();
    }

    /** An engagement not accepted in time went up a level; the engagement's own event announces it. */
    public void recordEngagementEscalated(String partnerId, String escalatedTo, OffsetDateTime now) {
        chronology.add(new CaseEntry(
                now,
                "system",
                CaseEntry.Kind.ENGAGEMENT_ESCALATED,
                partnerId + " did not accept in time; escalated to " + escalatedTo));
    }

    /**
     * A school asked to escalate the incident, with its reason for the expert. No event of its own:
     * the reason is free text, which never travels, and the case's shareable facts did not change.
     */
    void recordSchoolRequest(String coordinator, String reason, OffsetDateTime now) {
        chronology.add(new CaseEntry(now, coordinator, CaseEntry.Kind.SCHOOL_REQUEST, reason));
    }

    private void changed() {
        registerEvent(new CaseChanged(EventType.ESCALATION_UPDATED, this));
    }

    private void require(Action action) {
        if (!status.allowed().contains(action)) {
            throw ProblemException.illegalState(
                    "cannot " + action.name().toLowerCase().replace('_', ' ') + " a case that is " + status,
                    status.name(),
                    status.allowed().stream().map(Enum::name).toList());
        }
    }

    @Override
    public String aggregateType() {
        return AGGREGATE;
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    @Override
    public String owner() {
        return districtId;
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", status);
        snapshot.put("priority", priority);
        snapshot.put("overdue", overdue);
        snapshot.put("acknowledgedBy", acknowledgedBy);
        snapshot.put("outcome", outcome);
        // the count, not the ids: a case's audit entry stays small however many incidents it links (its chronology
        // names each incident that joined)
        snapshot.put("incidentCount", incidents.size());
        return snapshot;
    }

    public UUID id() {
        return id;
    }

    public String districtId() {
        return districtId;
    }

    public CaseStatus status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public OffsetDateTime openedAt() {
        return openedAt;
    }

    public OffsetDateTime responseDueAt() {
        return responseDueAt;
    }

    public boolean overdue() {
        return overdue;
    }

    public String outcome() {
        return outcome;
    }

    public List<LinkedIncident> incidents() {
        return Collections.unmodifiableList(incidents);
    }

    public List<UUID> incidentIds() {
        return incidents.stream().map(LinkedIncident::incidentId).toList();
    }

    /** Why the case opened or grew: each rule that fired, once. */
    public List<DetectionRule> rules() {
        return firings.stream().map(RuleFiring::rule).distinct().toList();
    }

    public List<CaseEntry> chronology() {
        return Collections.unmodifiableList(chronology);
    }
}
