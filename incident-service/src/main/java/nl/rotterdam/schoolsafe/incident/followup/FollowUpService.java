package nl.rotterdam.schoolsafe.incident.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.incident.incident.Incident;
import nl.rotterdam.schoolsafe.incident.incident.IncidentService;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

@ApplicationScoped
public class FollowUpService {
    private final IncidentService incidents;
    private final Outbox outbox;
    private final Period notifyWithin;

    FollowUpService(IncidentService incidents, Outbox outbox,
                    @ConfigProperty(name = "schoolsafe.incident.inspectorate-notification-within") Period notifyWithin) {
        this.incidents = incidents;
        this.outbox = outbox;
        this.notifyWithin = notifyWithin;
    }

    public record MeasureDecision(FollowUpMeasure.Type type, int personIndex, LocalDate startDate, LocalDate endDate,
                                  OffsetDateTime parentsHeardAt) {
    }

    /** Records a suspension or expulsion; an expulsion informs the municipality by event (pseudonym only). */
    @Transactional
    public MeasureView decide(UUID incidentId, MeasureDecision decision, Caller caller) {
        AtomicReference<FollowUpMeasure> decided = new AtomicReference<>();
        OffsetDateTime now = incidents.now();
        Incident incident = incidents.change(incidentId, caller, "measure:" + decision.type(), i -> decided.set(
                decision.type() == FollowUpMeasure.Type.SUSPENSION
                        ? i.suspend(decision.personIndex(), decision.startDate(), decision.endDate(), caller.subject(), now, notifyWithin)
                        : i.expel(decision.personIndex(), decision.startDate(), decision.parentsHeardAt(), caller.subject(), now, notifyWithin)),
                Function.identity()).body();
        FollowUpMeasure measure = decided.get();
        if (measure.type == FollowUpMeasure.Type.EXPULSION) {
            outbox.record(Topics.INCIDENT, EventTypes.INCIDENT_EXPULSION_DECIDED, incident.id.toString(),
                    new ExpulsionEvent(incident.id, measure.id, incident.schoolLocationId, incident.districtId, measure.pseudonym,
                            measure.startDate));
        }
        return MeasureView.of(measure, now.toLocalDate());
    }

    @Transactional
    public MeasureView recordNotification(UUID incidentId, UUID measureId, OffsetDateTime notifiedAt, Caller caller) {
        return changeMeasure(incidentId, measureId, "inspectorate-notification", caller,
                measure -> measure.recordNotification(notifiedAt, incidents.now()));
    }

    @Transactional
    public MeasureView recordDutyOfCare(UUID incidentId, UUID measureId, String interimEducation, LocalDate newSchoolFoundOn,
                                        Caller caller) {
        return changeMeasure(incidentId, measureId, "duty-of-care", caller,
                measure -> measure.recordDutyOfCare(interimEducation, newSchoolFoundOn));
    }

    private MeasureView changeMeasure(UUID incidentId, UUID measureId, String action, Caller caller, Consumer<FollowUpMeasure> change) {
        return incidents.change(incidentId, caller, action, incident -> change.accept(measureOf(incident, measureId)),
                incident -> MeasureView.of(measureOf(incident, measureId), incidents.now().toLocalDate())).body();
    }

    /** The Inspectorate notification duties of the caller's locations that are not done yet, the overdue first. */
    @Transactional
    public List<MeasureView> openNotifications(Caller caller) {
        LocalDate today = incidents.now().toLocalDate();
        return FollowUpMeasure.<FollowUpMeasure>list(
                "notificationRequired = true and notifiedAt is null and incident.schoolLocationId in ?1 order by notificationDue, id",
                caller.schoolLocationIds()).stream().map(m -> MeasureView.of(m, today)).toList();
    }

    private static FollowUpMeasure measureOf(Incident incident, UUID measureId) {
        return incident.measures.stream().filter(m -> m.id.equals(measureId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("measure " + measureId));
    }
}
