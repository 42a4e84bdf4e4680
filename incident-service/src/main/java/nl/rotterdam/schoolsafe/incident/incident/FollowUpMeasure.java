package nl.rotterdam.schoolsafe.incident.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A suspension or expulsion (schorsing / verwijdering) under the national rules (council answer 26):
 * a suspension lasts at most one week; a suspension of more than one day and every expulsion must
 * be reported to the Inspectorate; an expulsion needs parents heard first and carries a duty of care.
 * Part of the incident's aggregate: it changes only through {@link Incident}.
 */
@Entity
@Table(name = "follow_up_measure")
public class FollowUpMeasure extends PanacheEntityBase {
    public static final int MAX_SUSPENSION_DAYS = 7;

    @Schema(name = "MeasureType", description = "Suspension (schorsing) or expulsion (verwijdering)")
    public enum Type {
        SUSPENSION,
        EXPULSION
    }

    public enum NotificationState {
        NOT_REQUIRED,
        DONE,
        OPEN,
        OVERDUE
    }

    @Id
    UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "incident_id")
    Incident incident;

    @Enumerated(EnumType.STRING)
    Type type;

    @Column(name = "person_index")
    int personIndex;

    String pseudonym;

    @Column(name = "start_date")
    LocalDate startDate;

    @Column(name = "end_date")
    LocalDate endDate;

    @Column(name = "parents_heard_at")
    OffsetDateTime parentsHeardAt;

    @Column(name = "decided_by")
    String decidedBy;

    @Column(name = "decided_at")
    OffsetDateTime decidedAt;

    @Column(name = "notification_required")
    boolean notificationRequired;

    @Column(name = "notification_due")
    LocalDate notificationDue;

    @Column(name = "notified_at")
    OffsetDateTime notifiedAt;

    @Column(name = "right_to_object_informed_at")
    OffsetDateTime rightToObjectInformedAt;

    @Column(name = "objection_lodged_on")
    LocalDate objectionLodgedOn;

    @Column(name = "interim_education")
    String interimEducation;

    @Column(name = "new_school_found_on")
    LocalDate newSchoolFoundOn;

    protected FollowUpMeasure() {}

    private FollowUpMeasure(
            Incident incident,
            Type type,
            int personIndex,
            String pseudonym,
            LocalDate startDate,
            String decidedBy,
            OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.incident = incident;
        this.type = type;
        this.personIndex = personIndex;
        this.pseudonym = pseudonym;
        this.startDate = startDate;
        this.decidedBy = decidedBy;
        this.decidedAt = now;
    }

    /** A suspension of at most seven calendar days, start and end included. */
    static FollowUpMeasure suspension(
            Incident incident,
            int personIndex,
            String pseudonym,
            LocalDate start,
            LocalDate end,
            String decidedBy,
            OffsetDateTime now,
            Period notifyWithin) {
        if (end == null) {
            throw ProblemException.invalid("endDate", "is required for a suspension");
        }
        if (end.isBefore(start)) {
            throw ProblemException.invalid("endDate", "must not be before startDate");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_SUSPENSION_DAYS) {
            throw ProblemException.invalid(
                    "endDate",
                    "a suspension lasts at most one week (" + MAX_SUSPENSION_DAYS
                            + " calendar days); this one would last " + days);
        }
        FollowUpMeasure suspension =
                new FollowUpMeasure(incident, Type.SUSPENSION, personIndex, pseudonym, start, decidedBy, now);
        suspension.endDate = end;
        suspension.requireNotificationIf(days > 1, now, notifyWithin);
        return suspension;
    }

    /** An expulsion: the parents must have been heard before it is decided. */
    static FollowUpMeasure expulsion(
            Incident incident,
            int personIndex,
            String pseudonym,
            LocalDate start,
            OffsetDateTime parentsHeardAt,
            String decidedBy,
            OffsetDateTime now,
            Period notifyWithin) {
        if (parentsHeardAt == null) {
            throw ProblemException.invalid("parentsHeardAt", "the parents must be heard before an expulsion");
        }
        if (parentsHeardAt.isAfter(now)) {
            throw ProblemException.invalid("parentsHeardAt", "must not be in the future");
        }
        FollowUpMeasure expulsion =
                new FollowUpMeasure(incident, Type.EXPULSION, personIndex, pseudonym, start, decidedBy, now);
        expulsion.parentsHeardAt = parentsHeardAt;
        expulsion.requireNotificationIf(true, now, notifyWithin);
        return expulsion;
    }

    private void requireNotificationIf(boolean required, OffsetDateTime now, Period notifyWithin) {
        this.notificationRequired = required;
        this.notificationDue = required ? now.toLocalDate().plus(notifyWithin) : null;
    }

    /** Marks the Inspectorate notification done, once. */
    void recordNotification(OffsetDateTime notifiedAt, OffsetDateTime now) {
        if (!notificationRequired) {
            throw ProblemException.illegalState(
                    "this measure needs no Inspectorate notification",
                    notificationState(now.toLocalDate()).name(),
                    List.of());
        }
        if (this.notifiedAt != null) {
            throw ProblemException.illegalState(
                    "the Inspectorate was already notified", NotificationState.DONE.name(), List.of());
        }
        if (notifiedAt.isAfter(now)) {
            throw ProblemException.invalid("notifiedAt", "must not be in the future");
        }
        this.notifiedAt = notifiedAt;
    }

    /**
     * The parents were told they may object to the expulsion (bezwaar), and whether and when they did. The
     * municipality checks both (council answer 26).
     */
    void recordRightToObject(OffsetDateTime informedAt, LocalDate objectionLodgedOn, OffsetDateTime now) {
        requireExpulsion("only an expulsion can be objected to");
        List<Problem.FieldError> errors = new ArrayList<>();
        if (informedAt.isAfter(now)) {
            errors.add(new Problem.FieldError("informedAt", "must not be in the future"));
        }
        if (objectionLodgedOn != null && objectionLodgedOn.isBefore(informedAt.toLocalDate())) {
            errors.add(new Problem.FieldError(
                    "objectionLodgedOn", "must not be before the parents were informed of their right to object"));
        }
        if (objectionLodgedOn != null && objectionLodgedOn.isAfter(now.toLocalDate())) {
            errors.add(new Problem.FieldError("objectionLodgedOn", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        this.rightToObjectInformedAt = informedAt;
        this.objectionLodgedOn = objectionLodgedOn;
    }

    private void requireExpulsion(String detail) {
        if (type != Type.EXPULSION) {
            throw ProblemException.illegalState(detail, type.name(), List.of());
        }
    }

    /** The school's duty of care after an expulsion: interim education and the date a new school was found. */
    void recordDutyOfCare(String interimEducation, LocalDate newSchoolFoundOn) {
        requireExpulsion("only an expulsion carries a duty of care");
        if (newSchoolFoundOn != null && newSchoolFoundOn.isBefore(startDate)) {
            throw ProblemException.invalid("newSchoolFoundOn", "must not be before the expulsion's start date");
        }
        this.interimEducation = interimEducation;
        this.newSchoolFoundOn = newSchoolFoundOn;
    }

    public NotificationState notificationState(LocalDate today) {
        if (!notificationRequired) {
            return NotificationState.NOT_REQUIRED;
        }
        if (notifiedAt != null) {
            return NotificationState.DONE;
        }
        return today.isAfter(notificationDue) ? NotificationState.OVERDUE : NotificationState.OPEN;
    }
}
