package nl.rotterdam.schoolsafe.incident.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.IncidentConfig;
import nl.rotterdam.schoolsafe.incident.incident.FollowUpMeasure;
import nl.rotterdam.schoolsafe.incident.incident.IncidentService;
import nl.rotterdam.schoolsafe.incident.incident.MeasureView;
import nl.rotterdam.schoolsafe.platform.security.Caller;

@ApplicationScoped
public class FollowUpService {
    private final IncidentService incidents;
    private final Period notifyWithin;

    FollowUpService(IncidentService incidents, IncidentConfig config) {
        this.incidents = incidents;
        this.notifyWithin = config.inspectorateNotificationWithin();
    }

    public record MeasureDecision(
            FollowUpMeasure.Type type,
            int personIndex,
            LocalDate startDate,
            LocalDate endDate,
            OffsetDateTime parentsHeardAt) {}

    /** Records a suspension or expulsion; the incident informs the municipality of an expulsion (pseudonym only). */
    @Transactional
    public MeasureView decide(UUID incidentId, MeasureDecision decision, Caller caller) {
        OffsetDateTime now = incidents.now();
        FollowUpMeasure measure = incidents
                .change(incidentId, caller)
                .decide(
                        "measure:" + decision.type(),
                        incident -> decision.type() == FollowUpMeasure.Type.SUSPENSION
                                ? incident.suspend(
                                        decision.personIndex(),
                                        decision.startDate(),
                                        decision.endDate(),
                                        caller.subject(),
                                        now,
                                        notifyWithin)
                                : incident.expel(
                                        decision.personIndex(),
                                        decision.startDate(),
                                        decision.parentsHeardAt(),
                                        caller.subject(),
                                        now,
                                        notifyWithin));
        return MeasureView.of(measure, now.toLocalDate());
    }

    @Transactional
    public MeasureView recordNotification(UUID incidentId, UUID measureId, OffsetDateTime notifiedAt, Caller caller) {
        OffsetDateTime now = incidents.now();
        FollowUpMeasure measure = incidents
                .change(incidentId, caller)
                .decide(
                        "inspectorate-notification",
                        incident -> incident.recordInspectorateNotification(measureId, notifiedAt, now));
        return MeasureView.of(measure, now.toLocalDate());
    }

    @Transactional
    public MeasureView recordDutyOfCare(
            UUID incidentId, UUID measureId, String interimEducation, LocalDate newSchoolFoundOn, Caller caller) {
        FollowUpMeasure measure = incidents
                .change(incidentId, caller)
                .decide(
                        "duty-of-care",
                        incident -> incident.recordDutyOfCare(measureId, interimEducation, newSchoolFoundOn));
        return MeasureView.of(measure, incidents.now().toLocalDate());
    }

    /** The Inspectorate notification duties of the caller's locations that are not done yet, the overdue first. */
    @Transactional
    public List<MeasureView> openNotifications(Caller caller) {
        LocalDate today = incidents.now().toLocalDate();
        return FollowUpMeasure.<FollowUpMeasure>list(
                        "notificationRequired = true and notifiedAt is null and incident.schoolLocationId in ?1 order by notificationDue, id",
                        caller.schoolLocationIds())
                .stream()
                .map(m -> MeasureView.of(m, today))
                .toList();
    }
}
