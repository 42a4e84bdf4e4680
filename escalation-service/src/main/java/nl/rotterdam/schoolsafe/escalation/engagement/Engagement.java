package nl.rotterdam.schoolsafe.escalation.engagement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A partner engaged on a case: the partner accepts, updates and completes it. Not accepted within
 * its acknowledge window, it escalates one level at a time: the partner's duty officer, then the
 * district's lead safety expert.
 */
@Entity
public class Engagement extends PanacheEntityBase {
    public static final int DUTY_OFFICER = 1;
    public static final int LEAD_EXPERT = 2;

    public enum Status { REQUESTED, ACCEPTED, COMPLETED, CANCELLED }

    /** Why the partner is engaged (inzet). */
    public enum Purpose { YOUTH_WORK, YOUTH_ENFORCEMENT, POLICE_ACTION, HALT_TRAINING, PSYCHOSOCIAL_AID, VICTIM_PLAN, PERPETRATOR_PLAN, SCHOOL_MEASURES }

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "partner_id")
    public String partnerId;
    @Column(name = "partner_kind")
    public String partnerKind;
    @Enumerated(EnumType.STRING)
    public Purpose purpose;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "acknowledge_within_seconds")
    public long acknowledgeWithinSeconds;
    @Column(name = "acknowledge_due_at")
    public OffsetDateTime acknowledgeDueAt;
    @Column(name = "escalation_level")
    public int escalationLevel;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
    public String outcome;
    @Version
    public long version;

    protected Engagement() {
    }

    static Engagement request(UUID caseId, String partnerId, String partnerKind, Purpose purpose, Duration acknowledgeWithin,
                              OffsetDateTime now) {
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
        return engagement;
    }

    public void accept(OffsetDateTime now) {
        require(EnumSet.of(Status.REQUESTED), "accept");
        status = Status.ACCEPTED;
        acceptedAt = now;
    }

    public void update() {
        require(EnumSet.of(Status.ACCEPTED), "update");
    }

    public void complete(String outcome, OffsetDateTime now) {
        require(EnumSet.of(Status.ACCEPTED), "complete");
        if (outcome == null || outcome.isBlank()) {
            throw ProblemException.invalid("outcome", "is required");
        }
        status = Status.COMPLETED;
        this.outcome = outcome;
        completedAt = now;
    }

    public void cancel() {
        if (status == Status.REQUESTED || status == Status.ACCEPTED) {
            status = Status.CANCELLED;
        }
    }

    /** Escalates one level when still unaccepted after the deadline; true when it did. */
    public boolean escalateIfUnaccepted(OffsetDateTime now) {
        if (status != Status.REQUESTED || escalationLevel >= LEAD_EXPERT || !now.isAfter(acknowledgeDueAt)) {
            return false;
        }
        escalationLevel++;
        acknowledgeDueAt = now.plusSeconds(acknowledgeWithinSeconds);
        return true;
    }

    /** A ZVHRR referral counts as accepted once the partner accepted it (and after completion). */
    public boolean referralAccepted() {
        return status == Status.ACCEPTED || status == Status.COMPLETED;
    }

    public boolean active() {
        return status != Status.CANCELLED;
    }

    public String escalatedTo() {
        return switch (escalationLevel) {
            case DUTY_OFFICER -> "the partner's duty officer";
            case LEAD_EXPERT -> "the district's lead safety expert";
            default -> "the partner";
        };
    }

    private void require(Set<Status> allowed, String action) {
        if (!allowed.contains(status)) {
            throw ProblemException.illegalState("cannot " + action + " an engagement that is " + status, status.name(),
                    allowedActions());
        }
    }

    private List<String> allowedActions() {
        return switch (status) {
            case REQUESTED -> List.of("ACCEPT");
            case ACCEPTED -> List.of("UPDATE", "COMPLETE");
            case COMPLETED, CANCELLED -> List.of();
        };
    }
}
