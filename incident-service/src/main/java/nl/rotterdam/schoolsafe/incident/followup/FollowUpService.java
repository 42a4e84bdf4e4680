package nl.rotterdam.schoolsafe.incident.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.IncidentConfig;
import nl.rotterdam.schoolsafe.incident.incident.FollowUpMeasure;
import nl.rotterdam.schoolsafe.incident.incident.IncidentService;
import nl.rotterdam.schoolsafe.incident.incident.MeasureView;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
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

    @Transactional
    public MeasureView recordRightToObject(
            UUID incidentId, UUID measureId, OffsetDateTime informedAt, LocalDate objectionLodgedOn, Caller caller) {
        FollowUpMeasure measure = incidents
                .change(incidentId, caller)
                .decide(
                        "right-to-object",
                        incident -> incident.recordRightToObject(
                                measureId, informedAt, objectionLodgedOn, incidents.now()));
        return MeasureView.of(measure, incidents.now().toLocalDate());
    }

    /** One measure of an incident the caller may read; the read is logged for the student. */
    public Optional<MeasureView> read(UUID incidentId, UUID measureId, Caller caller) {
        return incidents.measure(incidentId, measureId, caller);
    }

    /** The Inspectorate notification duties of the caller's locations that are not done yet, the overdue first. */
    @Transactional
    public Page<MeasureView> openNotifications(Caller caller, PageRequest page) {
        LocalDate today = incidents.now().toLocalDate();
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("schools", caller.schoolLocationIds());
        String after = "";
        if (page.cursor != null) {
            Cursor position = Cursor.decode(page.cursor, 2);
            parameters.put("due", position.date(0));
            parameters.put("id", position.id(1));
            after = " and (notificationDue > :due or (notificationDue = :due and id > :id))";
        }
        List<MeasureView> rows = FollowUpMeasure.<FollowUpMeasure>find(
                        "notificationRequired = true and notifiedAt is null and incident.schoolLocationId in :schools"
                                + after + " order by notificationDue, id",
                        parameters)
                .page(0, page.limit + 1)
                .stream()
                .map(m -> MeasureView.of(m, today))
                .toList();
        return Page.from(
                rows,
                page.limit,
                m -> m,
                m -> Cursor.encode(m.inspectorateNotification().due(), m.id()));
    }
}
