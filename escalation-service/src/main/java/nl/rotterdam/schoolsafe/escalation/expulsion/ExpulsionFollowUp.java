package nl.rotterdam.schoolsafe.escalation.expulsion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One expulsion on the municipality's worklist (council answer 26): what the school recorded, learnt from its
 * events, and the compulsory-education officer's check that the parents were fully informed and could object,
 * that the school was reminded of its duty of care, and whether the officer spoke with the parents.
 */
@Entity
@Table(name = "expulsion_follow_up")
public class ExpulsionFollowUp extends AggregateRoot {
    @Schema(name = "ExpulsionFollowUpStatus", description = "OPEN until the officer checks it off")
    public enum Status {
        OPEN,
        CHECKED
    }

    /** What the school recorded about one expulsion, as its events tell it: dates and yes/no. */
    public record Facts(
            UUID measureId,
            UUID incidentId,
            String schoolLocationId,
            String district,
            String pseudonym,
            LocalDate startDate,
            OffsetDateTime decidedAt,
            OffsetDateTime parentsHeardAt,
            OffsetDateTime rightToObjectInformedAt,
            LocalDate objectionLodgedOn,
            boolean interimEducationArranged,
            LocalDate newSchoolFoundOn) {}

    /** The officer's findings when checking an item off. */
    public record Check(
            boolean parentsFullyInformed, boolean schoolRemindedOfDutyOfCare, LocalDate parentsSpokenToOn) {}

    @Id
    @Column(name = "measure_id")
    private UUID measureId;

    @Column(name = "incident_id")
    private UUID incidentId;

    @Column(name = "school_location_id")
    private String schoolLocationId;

    private String district;
    private String pseudonym;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "parents_heard_at")
    private OffsetDateTime parentsHeardAt;

    @Column(name = "right_to_object_informed_at")
    private OffsetDateTime rightToObjectInformedAt;

    @Column(name = "objection_lodged_on")
    private LocalDate objectionLodgedOn;

    @Column(name = "interim_education_arranged")
    private boolean interimEducationArranged;

    @Column(name = "new_school_found_on")
    private LocalDate newSchoolFoundOn;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "parents_fully_informed")
    private Boolean parentsFullyInformed;

    @Column(name = "school_reminded_of_duty_of_care")
    private Boolean schoolRemindedOfDutyOfCare;

    @Column(name = "parents_spoken_to_on")
    private LocalDate parentsSpokenToOn;

    @Column(name = "checked_by")
    private String checkedBy;

    @Column(name = "checked_at")
    private OffsetDateTime checkedAt;

    protected ExpulsionFollowUp() {}

    /** A new item, from the school's expulsion event. */
    static ExpulsionFollowUp of(Facts expulsion, OffsetDateTime now) {
        ExpulsionFollowUp item = new ExpulsionFollowUp();
        item.measureId = expulsion.measureId();
        item.incidentId = expulsion.incidentId();
        item.schoolLocationId = expulsion.schoolLocationId();
        item.district = expulsion.district();
        item.pseudonym = expulsion.pseudonym();
        item.status = Status.OPEN;
        item.decidedAt = expulsion.decidedAt() == null ? now : expulsion.decidedAt();
        item.learn(expulsion);
        return item;
    }

    /** What the school recorded since: it may go on recording after the officer checked the item off. */
    void learn(Facts expulsion) {
        this.startDate = expulsion.startDate();
        this.parentsHeardAt = expulsion.parentsHeardAt();
        this.rightToObjectInformedAt = expulsion.rightToObjectInformedAt();
        this.objectionLodgedOn = expulsion.objectionLodgedOn();
        this.interimEducationArranged = expulsion.interimEducationArranged();
        this.newSchoolFoundOn = expulsion.newSchoolFoundOn();
    }

    /**
     * Checks the item off, once. The officer cannot confirm that the parents were fully informed while the school has
     * not recorded telling them of their right to object.
     */
    public void checkOff(Check check, String by, OffsetDateTime now) {
        if (status == Status.CHECKED) {
            throw ProblemException.illegalState("this expulsion was already checked off", status.name(), List.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (check.parentsFullyInformed() && rightToObjectInformedAt == null) {
            errors.add(new Problem.FieldError(
                    "parentsFullyInformed",
                    "the school has not recorded telling the parents of their right to object"));
        }
        if (check.parentsSpokenToOn() != null && check.parentsSpokenToOn().isAfter(now.toLocalDate())) {
            errors.add(new Problem.FieldError("parentsSpokenToOn", "must not be in the future"));
        }
        if (check.parentsSpokenToOn() != null && check.parentsSpokenToOn().isBefore(decidedAt.toLocalDate())) {
            errors.add(new Problem.FieldError("parentsSpokenToOn", "must not be before the expulsion was decided"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        this.parentsFullyInformed = check.parentsFullyInformed();
        this.schoolRemindedOfDutyOfCare = check.schoolRemindedOfDutyOfCare();
        this.parentsSpokenToOn = check.parentsSpokenToOn();
        this.checkedBy = by;
        this.checkedAt = now;
        this.status = Status.CHECKED;
    }

    ExpulsionView view() {
        return new ExpulsionView(
                measureId,
                incidentId,
                schoolLocationId,
                district,
                pseudonym,
                startDate,
                decidedAt,
                parentsHeardAt,
                rightToObjectInformedAt != null,
                rightToObjectInformedAt,
                objectionLodgedOn != null,
                objectionLodgedOn,
                interimEducationArranged,
                newSchoolFoundOn,
                status,
                status == Status.CHECKED
                        ? new ExpulsionView.Checked(
                                parentsFullyInformed,
                                schoolRemindedOfDutyOfCare,
                                parentsSpokenToOn,
                                checkedBy,
                                checkedAt)
                        : null);
    }

    String pseudonym() {
        return pseudonym;
    }

    UUID measureId() {
        return measureId;
    }

    OffsetDateTime decidedAt() {
        return decidedAt;
    }

    String schoolLocationId() {
        return schoolLocationId;
    }

    @Override
    public String aggregateType() {
        return "expulsion-follow-up";
    }

    @Override
    public String aggregateId() {
        return measureId.toString();
    }

    /** Filed under the school that expelled, the controller of the pupil's data. */
    @Override
    public String owner() {
        return schoolLocationId;
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("status", status);
        snapshot.put("parentsFullyInformed", parentsFullyInformed);
        snapshot.put("schoolRemindedOfDutyOfCare", schoolRemindedOfDutyOfCare);
        snapshot.put("parentsSpokenToOn", parentsSpokenToOn);
        return snapshot;
    }
}
