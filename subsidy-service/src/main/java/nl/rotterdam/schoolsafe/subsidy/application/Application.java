package nl.rotterdam.schoolsafe.subsidy.application;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;
import nl.rotterdam.schoolsafe.subsidy.programme.Theme;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A board's application (aanvraag) for one location: the aggregate root. Every change goes
 * through a method that checks the current status; amounts are whole cents.
 */
@Entity
public class Application extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "pot_id")
    public UUID potId;
    @Column(name = "board_id")
    public String boardId;
    @Column(name = "school_location_id")
    public String schoolLocationId;
    @Enumerated(EnumType.STRING)
    public Theme theme;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Column(name = "requested_cents")
    public long requestedCents;
    public String plan;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "proposed_cents")
    public Long proposedCents;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "granted_cents")
    public Long grantedCents;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "second_approver")
    public String secondApprover;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "settled_cents")
    public Long settledCents;
    @Column(name = "settled_at")
    public OffsetDateTime settledAt;
    @Version
    public long version;

    protected Application() {
    }

    /** What a board asks for; the theme must allow the category (the plan's spending rules). */
    public record Request(UUID programmeId, UUID potId, String boardId, String schoolLocationId, Theme theme, Category category,
                          long requestedCents, String plan) {
        public Request {
            if (!category.allowedFor(theme)) {
                throw ProblemException.invalid("category", "is not allowed under theme " + theme + "; allowed: " + Category.of(theme));
            }
            if (requestedCents <= 0) {
                throw ProblemException.invalid("amountCents", "must be a positive number of cents");
            }
        }
    }

    public static Application submit(Request request, String by, OffsetDateTime now) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.programmeId = request.programmeId();
        application.potId = request.potId();
        application.boardId = request.boardId();
        application.schoolLocationId = request.schoolLocationId();
        application.theme = request.theme();
        application.category = request.category();
        application.requestedCents = request.requestedCents();
        application.plan = request.plan();
        application.status = ApplicationStatus.REQUESTED;
        application.submittedBy = by;
        application.submittedAt = now;
        return application;
    }

    /**
     * Approves in full or in part. Returns true when the grant is final; false when the amount
     * needs a second officer and waits for one.
     */
    public boolean approve(long cents, String reason, String officer, boolean needsSecondApprover, OffsetDateTime now) {
        require("approve", ApplicationStatus.REQUESTED);
        if (cents <= 0 || cents > requestedCents) {
            throw ProblemException.invalid("amountCents", "must be between 1 and the requested " + requestedCents + " cents");
        }
        if (cents < requestedCents && (reason == null || reason.isBlank())) {
            throw ProblemException.invalid("reason", "is required when granting less than requested");
        }
        decisionReason = reason;
        if (needsSecondApprover) {
            status = ApplicationStatus.AWAITING_SECOND_APPROVAL;
            proposedCents = cents;
            proposedBy = officer;
            return false;
        }
        grant(cents, officer, null, now);
        return true;
    }

    /** The second officer confirms a large grant; the first officer cannot confirm their own proposal. */
    public void confirmAsSecondApprover(String officer, OffsetDateTime now) {
        require("confirm", ApplicationStatus.AWAITING_SECOND_APPROVAL);
        if (officer.equals(proposedBy)) {
            throw new ProblemException(409, "four-eyes", "A second officer must confirm",
                    "the officer who proposed this grant cannot also confirm it", List.of(), Map.of("proposedBy", proposedBy));
        }
        grant(proposedCents, proposedBy, officer, now);
    }

    private void grant(long cents, String officer, String second, OffsetDateTime now) {
        status = ApplicationStatus.GRANTED;
        grantedCents = cents;
        decidedBy = officer;
        secondApprover = second;
        decidedAt = now;
    }

    public void reject(String reason, String officer, OffsetDateTime now) {
        require("reject", ApplicationStatus.REQUESTED, ApplicationStatus.AWAITING_SECOND_APPROVAL);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "is required when rejecting");
        }
        status = ApplicationStatus.REJECTED;
        decisionReason = reason;
        decidedBy = officer;
        decidedAt = now;
        proposedCents = null;
    }

    /** Settles (vaststellen) at most the granted amount; returns the cents that go back to the pot. */
    public long settle(long cents, OffsetDateTime now) {
        require("settle", ApplicationStatus.GRANTED);
        if (cents < 0 || cents > grantedCents) {
            throw ProblemException.invalid("amountCents", "must be between 0 and the granted " + grantedCents + " cents");
        }
        status = ApplicationStatus.SETTLED;
        settledCents = cents;
        settledAt = now;
        return grantedCents - cents;
    }

    /** Approved in full, in part, or rejected; empty while undecided. */
    public java.util.Optional<Outcome> outcome() {
        if (status == ApplicationStatus.REJECTED) {
            return java.util.Optional.of(Outcome.REJECTED);
        }
        if (grantedCents == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(grantedCents == requestedCents ? Outcome.APPROVED : Outcome.PARTLY_APPROVED);
    }

    public enum Outcome { APPROVED, PARTLY_APPROVED, REJECTED }

    private void require(String action, ApplicationStatus... allowed) {
        if (Arrays.stream(allowed).noneMatch(s -> s == status)) {
            throw ProblemException.illegalState("cannot " + action + " an application that is " + status, status.name(),
                    allowedActions());
        }
    }

    /** What can still happen to the application in its current status. */
    public List<String> allowedActions() {
        return switch (status) {
            case REQUESTED -> List.of("APPROVE", "REJECT");
            case AWAITING_SECOND_APPROVAL -> List.of("CONFIRM", "REJECT");
            case GRANTED -> List.of("SETTLE");
            case REJECTED, SETTLED -> List.of();
        };
    }
}
