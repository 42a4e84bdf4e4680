package nl.rotterdam.schoolsafe.subsidy.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.subsidy.intervention.CatalogOffering;
import nl.rotterdam.schoolsafe.subsidy.intervention.Intervention;
import nl.rotterdam.schoolsafe.subsidy.programme.Category;
import nl.rotterdam.schoolsafe.subsidy.programme.Pot;
import nl.rotterdam.schoolsafe.subsidy.programme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A board's application (aanvraag) for one location: the aggregate root. Every change goes
 * through a method that checks the current status and registers what happened; amounts are whole
 * cents. The money itself moves through the ledger of the pot the application draws from.
 */
@Entity
public class Application extends AggregateRoot {
    @Id
    private UUID id;

    @Column(name = "programme_id")
    private UUID programmeId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pot_id")
    private Pot pot;

    @Column(name = "board_id")
    private String boardId;

    @Column(name = "school_location_id")
    private String schoolLocationId;

    @Enumerated(EnumType.STRING)
    private Theme theme;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Column(name = "requested_cents")
    private long requestedCents;

    private String plan;

    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "proposed_cents")
    private Long proposedCents;

    @Column(name = "proposed_by")
    private String proposedBy;

    @Column(name = "granted_cents")
    private Long grantedCents;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "second_approver")
    private String secondApprover;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "settled_cents")
    private Long settledCents;

    @Column(name = "settled_at")
    private OffsetDateTime settledAt;

    @Column(name = "intervention_id")
    private UUID interventionId;

    @Column(name = "intervention_code")
    private String interventionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_level")
    private EvidenceLevel evidenceLevel;

    @Column(name = "exception_reason")
    private String exceptionReason;

    @Column(name = "trend_recent_incidents")
    private Integer trendRecentIncidents;

    @Column(name = "trend_previous_incidents")
    private Integer trendPreviousIncidents;

    @Column(name = "trend_window_days")
    private Integer trendWindowDays;

    @Column(name = "trend_measured_at")
    private OffsetDateTime trendMeasuredAt;

    protected Application() {}

    /**
     * What a board asks for; the theme must allow the category (the plan's spending rules), and a programme that
     * accepts only certain evidence levels needs an intervention of one of them (the quality budget's rule).
     */
    public record Request(
            Pot pot,
            String boardId,
            String schoolLocationId,
            Theme theme,
            Category category,
            long requestedCents,
            String plan,
            String locationSector,
            CatalogOffering offering) {
        public Request {
            List<Problem.FieldError> errors = new ArrayList<>();
            if (!category.allowedFor(theme)) {
                errors.add(new Problem.FieldError(
                        "category", "is not allowed under theme " + theme + "; allowed: " + Category.of(theme)));
            }
            if (requestedCents <= 0) {
                errors.add(new Problem.FieldError("amountCents", "must be a positive number of cents"));
            }
            Set<EvidenceLevel> accepted = pot.programme().acceptedEvidenceLevels();
            Intervention intervention = offering == null ? null : offering.intervention();
            if (!accepted.isEmpty() && intervention == null) {
                errors.add(new Problem.FieldError(
                        "interventionId",
                        "is required by this programme: an intervention from the catalog with evidence level "
                                + accepted));
            } else if (!accepted.isEmpty() && !accepted.contains(intervention.evidenceLevel())) {
                errors.add(new Problem.FieldError(
                        "interventionId",
                        "is " + intervention.evidenceLevel() + "; this programme accepts only " + accepted));
            } else if (offering != null && !offering.serves(locationSector)) {
                errors.add(new Problem.FieldError(
                        "interventionId",
                        "is offered for " + new TreeSet<>(offering.sectors()) + ", not for the location's sector "
                                + locationSector));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
    }

    /**
     * What an approval is weighed against beyond the application: whether the location is on the urgency round's
     * agreed joint list (always so outside an urgency round), the officer's exception when it is not, and for extra
     * security the location's incident trend as measured now.
     */
    public record Grounds(boolean onAgreedList, String exceptionReason, IncidentTrend trend) {}

    public static Application submit(Request request, String by, OffsetDateTime now) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.pot = request.pot();
        application.programmeId = request.pot().programme().id();
        application.boardId = request.boardId();
        application.schoolLocationId = request.schoolLocationId();
        application.theme = request.theme();
        application.category = request.category();
        application.requestedCents = request.requestedCents();
        application.plan = request.plan();
        if (request.offering() != null) {
            Intervention intervention = request.offering().intervention();
            application.interventionId = intervention.offeringId();
            application.interventionCode = intervention.code();
            application.evidenceLevel = intervention.evidenceLevel();
        }
        application.status = ApplicationStatus.REQUESTED;
        application.submittedBy = by;
        application.submittedAt = now;
        application.registerEvent(new ApplicationChanged(EventType.SUBSIDY_APPLICATION_SUBMITTED, application));
        return application;
    }

    /**
     * Approves in full or in part. A location outside the urgency round's agreed list is granted only as an explicit
     * exception with its reason; extra security records the incident trend it answers, and needs a reason when the
     * incidents show no rise (the unsafety felt). Above the programme's four-eyes amount the grant is only proposed
     * and waits for a second officer; that is not yet a decision, so nothing is announced.
     */
    public void approve(long cents, String reason, Grounds grounds, String officer, OffsetDateTime now) {
        require("approve", ApplicationStatus.REQUESTED);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (cents <= 0 || cents > requestedCents) {
            errors.add(new Problem.FieldError(
                    "amountCents", "must be between 1 and the requested " + requestedCents + " cents"));
        } else if (cents < requestedCents && isBlank(reason)) {
            errors.add(new Problem.FieldError("reason", "is required when granting less than requested"));
        }
        if (!grounds.onAgreedList() && isBlank(grounds.exceptionReason())) {
            errors.add(
                    new Problem.FieldError(
                            "exceptionReason",
                            "is required: " + schoolLocationId
                                    + " is not on the agreed joint list of this pot's urgency round, so a grant is an exception"));
        } else if (grounds.onAgreedList() && grounds.exceptionReason() != null) {
            errors.add(new Problem.FieldError(
                    "exceptionReason",
                    "is only for a location outside the agreed joint list; " + schoolLocationId + " is on it"));
        }
        if (category == Category.EXTRA_SECURITY) {
            IncidentTrend trend = Objects.requireNonNull(grounds.trend(), "extra security is weighed against a trend");
            if (!trend.rising() && isBlank(reason)) {
                errors.add(new Problem.FieldError(
                        "reason",
                        "is required for extra security while the location's incidents show no rise over the last "
                                + trend.windowDays() + " days: name the unsafety felt"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (category == Category.EXTRA_SECURITY) {
            trendRecentIncidents = grounds.trend().recentIncidents();
            trendPreviousIncidents = grounds.trend().previousIncidents();
            trendWindowDays = grounds.trend().windowDays();
            trendMeasuredAt = grounds.trend().measuredAt();
        }
        exceptionReason =
                grounds.onAgreedList() ? null : grounds.exceptionReason().strip();
        decisionReason = reason;
        if (pot.programme().needsSecondApprover(cents)) {
            status = ApplicationStatus.AWAITING_SECOND_APPROVAL;
            proposedCents = cents;
            proposedBy = officer;
            return;
        }
        grant(cents, officer, null, now);
    }

    /** The second officer confirms a large grant; the first officer cannot confirm their own proposal. */
    public void confirmAsSecondApprover(String officer, OffsetDateTime now) {
        require("confirm", ApplicationStatus.AWAITING_SECOND_APPROVAL);
        if (officer.equals(proposedBy)) {
            throw new ProblemException(
                    409,
                    "four-eyes",
                    "A second officer must confirm",
                    "the officer who proposed this grant cannot also confirm it",
                    List.of(),
                    Map.of("proposedBy", proposedBy));
        }
        grant(proposedCents, proposedBy, officer, now);
    }

    private void grant(long cents, String officer, String second, OffsetDateTime now) {
        status = ApplicationStatus.GRANTED;
        grantedCents = cents;
        decidedBy = officer;
        secondApprover = second;
        decidedAt = now;
        registerEvent(new ApplicationChanged(EventType.SUBSIDY_APPLICATION_DECIDED, this));
    }

    public void reject(String reason, String officer, OffsetDateTime now) {
        require("reject", ApplicationStatus.REQUESTED, ApplicationStatus.AWAITING_SECOND_APPROVAL);
        if (isBlank(reason)) {
            throw ProblemException.invalid("reason", "is required when rejecting");
        }
        status = ApplicationStatus.REJECTED;
        decisionReason = reason;
        decidedBy = officer;
        decidedAt = now;
        proposedCents = null;
        // what a proposal rested on goes with it: a rejected application was granted nothing, by exception or not
        exceptionReason = null;
        trendRecentIncidents = null;
        trendPreviousIncidents = null;
        trendWindowDays = null;
        trendMeasuredAt = null;
        registerEvent(new ApplicationChanged(EventType.SUBSIDY_APPLICATION_DECIDED, this));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Settles (vaststellen) at most the granted amount; returns the cents that go back to the pot. */
    public long settle(long cents, OffsetDateTime now) {
        require("settle", ApplicationStatus.GRANTED);
        if (cents < 0 || cents > grantedCents) {
            throw ProblemException.invalid(
                    "amountCents", "must be between 0 and the granted " + grantedCents + " cents");
        }
        status = ApplicationStatus.SETTLED;
        settledCents = cents;
        settledAt = now;
        registerEvent(new ApplicationChanged(EventType.SUBSIDY_APPLICATION_DECIDED, this));
        return returnedCents();
    }

    /** What a settlement below the grant gave back to the pot; zero before settlement. */
    public long returnedCents() {
        return settledCents == null ? 0 : grantedCents - settledCents;
    }

    /** Approved in full, in part, or rejected; empty while undecided. */
    public Optional<Outcome> outcome() {
        if (status == ApplicationStatus.REJECTED) {
            return Optional.of(Outcome.REJECTED);
        }
        if (grantedCents == null) {
            return Optional.empty();
        }
        return Optional.of(grantedCents == requestedCents ? Outcome.APPROVED : Outcome.PARTLY_APPROVED);
    }

    @Schema(name = "ApplicationOutcome")
    public enum Outcome {
        APPROVED,
        PARTLY_APPROVED,
        REJECTED
    }

    private void require(String action, ApplicationStatus... allowed) {
        if (Arrays.stream(allowed).noneMatch(s -> s == status)) {
            throw ProblemException.illegalState(
                    "cannot " + action + " an application that is " + status,
                    status.name(),
                    allowedActions().stream().map(Enum::name).toList());
        }
    }

    /** What can happen to an application. */
    @Schema(name = "ApplicationAction")
    public enum Action {
        APPROVE,
        REJECT,
        CONFIRM,
        SETTLE
    }

    /** What can still happen to the application in its current status. */
    public List<Action> allowedActions() {
        return switch (status) {
            case REQUESTED -> List.of(Action.APPROVE, Action.REJECT);
            case AWAITING_SECOND_APPROVAL -> List.of(Action.CONFIRM, Action.REJECT);
            case GRANTED -> List.of(Action.SETTLE);
            case REJECTED, SETTLED -> List.of();
        };
    }

    @Override
    public String aggregateType() {
        return "application";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    /** Filed under the applying board. */
    @Override
    public String owner() {
        return boardId;
    }

    /** The decision's facts; not the plan, which never changes after submission. */
    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("requestedCents", requestedCents);
        fields.put("proposedCents", proposedCents);
        fields.put("proposedBy", proposedBy);
        fields.put("grantedCents", grantedCents);
        fields.put("decisionReason", decisionReason);
        fields.put("exceptionReason", exceptionReason);
        fields.put("incidentTrend", incidentTrend().orElse(null));
        fields.put("decidedBy", decidedBy);
        fields.put("secondApprover", secondApprover);
        fields.put("settledCents", settledCents);
        return fields;
    }

    public UUID id() {
        return id;
    }

    public UUID programmeId() {
        return programmeId;
    }

    /** The pot the application draws from; another aggregate, read here for its sector, school year and four-eyes rule. */
    public Pot pot() {
        return pot;
    }

    public String boardId() {
        return boardId;
    }

    public String schoolLocationId() {
        return schoolLocationId;
    }

    public Theme theme() {
        return theme;
    }

    public Category category() {
        return category;
    }

    public long requestedCents() {
        return requestedCents;
    }

    public String plan() {
        return plan;
    }

    public ApplicationStatus status() {
        return status;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public Long proposedCents() {
        return proposedCents;
    }

    public Long grantedCents() {
        return grantedCents;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String secondApprover() {
        return secondApprover;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public Long settledCents() {
        return settledCents;
    }

    public OffsetDateTime settledAt() {
        return settledAt;
    }

    public Optional<Intervention> intervention() {
        return interventionId == null
                ? Optional.empty()
                : Optional.of(new Intervention(interventionId, interventionCode, evidenceLevel));
    }

    /** Why a location outside the agreed joint list was granted all the same; null when it was on the list. */
    public String exceptionReason() {
        return exceptionReason;
    }

    /** For extra security: the trend measured when it was approved. */
    public Optional<IncidentTrend> incidentTrend() {
        return trendMeasuredAt == null
                ? Optional.empty()
                : Optional.of(new IncidentTrend(
                        trendRecentIncidents, trendPreviousIncidents, trendWindowDays, trendMeasuredAt));
    }
}
