package nl.rotterdam.schoolsafe.escalation.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A partner engaged on a case: the partner accepts, updates and completes it. Not accepted within
 * its acknowledge window, it escalates one level at a time: the partner's duty officer, then the
 * district's lead safety expert.
 */
@Entity
public class Engagement extends AggregateRoot {
    public static final int DUTY_OFFICER = 1;
    public static final int LEAD_EXPERT = 2;

    @Schema(name = "EngagementStatus", description = "Where a partner engagement stands")
    public enum Status {
        REQUESTED,
        ACCEPTED,
        COMPLETED,
        CANCELLED
    }

    /** Why the partner is engaged (inzet). */
    @Schema(name = "EngagementPurpose", description = "What a partner is engaged for")
    public enum Purpose {
        YOUTH_WORK,
        YOUTH_ENFORCEMENT,
        POLICE_ACTION,
        HALT_TRAINING,
        PSYCHOSOCIAL_AID,
        VICTIM_PLAN,
        PERPETRATOR_PLAN,
        SCHOOL_MEASURES
    }

    @Id
    private UUID id;

    @Column(name = "case_id")
    private UUID caseId;

    @Column(name = "partner_id")
    private String partnerId;

    @Column(name = "partner_kind")
    private String partnerKind;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;

    @Column(name = "acknowledge_within_seconds")
    private long acknowledgeWithinSeconds;

    @Column(name = "acknowledge_due_at")
    private OffsetDateTime acknowledgeDueAt;

    @Column(name = "escalation_level")
    private int escalationLevel;

    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    private String outcome;

    protected Engagement() {}

    /** Engages a partner on a case; the partner is told what it may see of the case ({@code sharing}). */
    static Engagement request(
            UUID caseId,
            String partnerId,
            String partnerKind,
            Purpose purpose,
            Duration acknowledgeWithin,
            OffsetDateTime now,
            SharedCases sharing) {
        Engagement engagement = new Engagement();
        engagement.id = UUID.randomUUID();
        engagement.caseId = caseId;
        engagement.partnerId = partnerId;
        engagement.partnerKind = partnerKind;
        engagement.purpose = purpose;
        engagement.status = Status.REQUESTED;
        engagement.requestedAt = now;
        engagement.acknowledgeWithinSeconds = acknowledgeWithin.toSeconds();
        engagement.acknowledgeDueAt = now.plus(acknowledgeWithin);
        engagement.registerEvent(new PartnerEngaged(EventType.PARTNER_ENGAGED, engagement, sharing));
        return engagement;
    }

    // Accepting, updating and completing are announced as an update of the case, whose chronology records them.

    void accept(OffsetDateTime now) {
        require(EnumSet.of(Status.REQUESTED), "accept");
        status = Status.ACCEPTED;
        acceptedAt = now;
    }

    void update() {
        require(EnumSet.of(Status.ACCEPTED), "update");
    }

    void complete(String outcome, OffsetDateTime now) {
        require(EnumSet.of(Status.ACCEPTED), "complete");
        if (outcome == null || outcome.isBlank()) {
            throw ProblemException.invalid("outcome", "is required");
        }
        status = Status.COMPLETED;
        this.outcome = outcome;
        completedAt = now;
    }

    /** Its case closed: an engagement still open ends with it (the case's closing event tells). */
    void cancel() {
        if (open()) {
            status = Status.CANCELLED;
        }
    }

    /** Escalates one level when still unaccepted after the deadline and tells the partner; true when it did. */
    boolean escalateIfUnaccepted(OffsetDateTime now, SharedCases sharing) {
        if (status != Status.REQUESTED || escalationLevel >= LEAD_EXPERT || !now.isAfter(acknowledgeDueAt)) {
            return false;
        }
        escalationLevel++;
        acknowledgeDueAt = now.plusSeconds(acknowledgeWithinSeconds);
        registerEvent(new PartnerEngaged(EventType.PARTNER_ENGAGEMENT_ESCALATED, this, sharing));
        return true;
    }

    /** A ZVHRR referral counts as accepted once the partner accepted it (and after completion). */
    public boolean referralAccepted() {
        return status == Status.ACCEPTED || status == Status.COMPLETED;
    }

    public boolean active() {
        return status != Status.CANCELLED;
    }

    boolean open() {
        return status == Status.REQUESTED || status == Status.ACCEPTED;
    }

    String escalatedTo() {
        return switch (escalationLevel) {
            case DUTY_OFFICER -> "the partner's duty officer";
            case LEAD_EXPERT -> "the district's lead safety expert";
            default -> "the partner";
        };
    }

    private void require(Set<Status> allowed, String action) {
        if (!allowed.contains(status)) {
            throw ProblemException.illegalState(
                    "cannot " + action + " an engagement that is " + status, status.name(), allowedActions());
        }
    }

    private List<String> allowedActions() {
        return switch (status) {
            case REQUESTED -> List.of("ACCEPT");
            case ACCEPTED -> List.of("UPDATE", "COMPLETE");
            case COMPLETED, CANCELLED -> List.of();
        };
    }

    @Override
    public String aggregateType() {
        return "engagement";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    /** Filed under the partner: the engagement is its work. */
    @Override
    public String owner() {
        return partnerId;
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", status);
        snapshot.put("escalationLevel", escalationLevel);
        snapshot.put("acknowledgeDueAt", acknowledgeDueAt);
        snapshot.put("outcome", outcome);
        return snapshot;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String partnerKind() {
        return partnerKind;
    }

    public Purpose purpose() {
        return purpose;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime acknowledgeDueAt() {
        return acknowledgeDueAt;
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    public String outcome() {
        return outcome;
    }
}
