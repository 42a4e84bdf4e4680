package nl.rotterdam.schoolsafe.escalation.escalation;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import nl.rotterdam.schoolsafe.escalation.expulsion.ExpulsionWorklist;
import nl.rotterdam.schoolsafe.escalation.incident.Category;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentProjection;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentStatus;
import nl.rotterdam.schoolsafe.escalation.incident.LocationType;
import nl.rotterdam.schoolsafe.escalation.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;

/**
 * Projects incident events and feeds reported, updated and closed incidents to the detection
 * rules. The incident-service's payload is translated here, at the edge, into this service's types.
 */
@ApplicationScoped
public class IncidentEventHandler implements EventHandler {
    private final EscalationService escalations;
    private final IncidentProjection projection;
    private final EventPayloads payloads;
    private final ExpulsionWorklist expulsions;

    IncidentEventHandler(
            EscalationService escalations,
            IncidentProjection projection,
            EventPayloads payloads,
            ExpulsionWorklist expulsions) {
        this.escalations = escalations;
        this.expulsions = expulsions;
        this.projection = projection;
        this.payloads = payloads;
    }

    @Override
    public String name() {
        return "incident-events";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.INCIDENT);
    }

    @Override
    public void handle(CloudEvent event) {
        EventType.of(event.getType()).ifPresent(type -> {
            switch (type) {
                case INCIDENT_EXPULSION_DECIDED -> {
                    ExpulsionEvent expulsion = payloads.read(event, ExpulsionEvent.class);
                    projection.recordExpulsion(
                            expulsion.measureId(),
                            new IncidentProjection.Expulsion(
                                    expulsion.incidentId(), expulsion.pseudonym(), expulsion.startDate()));
                    expulsions.learn(expulsion);
                }
                case INCIDENT_EXPULSION_UPDATED -> expulsions.learn(payloads.read(event, ExpulsionEvent.class));
                case INCIDENT_REPORTED, INCIDENT_UPDATED, INCIDENT_CLOSED ->
                    escalations.consider(reported(event.getId(), payloads.read(event, IncidentEvent.class)));
                default -> {
                    // other incident events tell this service nothing it keeps
                }
            }
        });
    }

    /** The payload in this service's own terms; one that lacks a fact or names an unknown value can never be handled. */
    static ReportedIncident reported(String eventId, IncidentEvent incident) {
        if (incident.incidentId() == null
                || incident.district() == null
                || incident.involvedPersons() == null
                || incident.occurredAt() == null) {
            throw new UnprocessableEvent(
                    "payload of " + eventId + " lacks incidentId, district, occurredAt or involvedPersons");
        }
        return new ReportedIncident(
                incident.incidentId(),
                incident.schoolLocationId(),
                incident.district(),
                known(LocationType.class, incident.locationType(), eventId),
                known(Category.class, incident.category(), eventId),
                known(Severity.class, incident.severity(), eventId),
                known(IncidentStatus.class, incident.status(), eventId),
                incident.policeReportStatus() == null
                        ? PoliceReportStatus.NONE
                        : known(PoliceReportStatus.class, incident.policeReportStatus(), eventId),
                incident.occurredAt(),
                incident.involvedPersons().stream()
                        .map(p -> new ReportedIncident.Person(
                                p.pseudonym(),
                                known(ReportedIncident.Person.Role.class, p.role(), eventId),
                                known(ReportedIncident.Person.Kind.class, p.kind(), eventId),
                                p.schoolLocationId(),
                                p.minor()))
                        .toList());
    }

    private static <E extends Enum<E>> E known(Class<E> type, String value, String eventId) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new UnprocessableEvent(
                        "payload of " + eventId + " has no known " + type.getSimpleName() + ": " + value));
    }
}
