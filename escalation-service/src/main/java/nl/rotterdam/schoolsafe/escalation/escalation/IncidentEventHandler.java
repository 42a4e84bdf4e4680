package nl.rotterdam.schoolsafe.escalation.escalation;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentProjection;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;

import java.util.Set;

/** Projects incident events and feeds reported and updated incidents to the detection rules. */
@ApplicationScoped
public class IncidentEventHandler implements EventHandler {
    private static final Set<String> CONSIDERED = Set.of(EventTypes.INCIDENT_REPORTED, EventTypes.INCIDENT_UPDATED, EventTypes.INCIDENT_CLOSED);
    private final EscalationService escalations;
    private final IncidentProjection projection;
    private final EventPayloads payloads;

    IncidentEventHandler(EscalationService escalations, IncidentProjection projection, EventPayloads payloads) {
        this.escalations = escalations;
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
        if (EventTypes.INCIDENT_EXPULSION_DECIDED.equals(event.getType())) {
            projection.apply(payloads.read(event, ExpulsionEvent.class));
            return;
        }
        if (!CONSIDERED.contains(event.getType())) {
            return;
        }
        IncidentEvent incident = payloads.read(event, IncidentEvent.class);
        if (incident.incidentId() == null || incident.district() == null || incident.involvedPersons() == null
                || incident.occurredAt() == null) {
            throw new UnprocessableEvent("payload of " + event.getId() + " lacks incidentId, district, occurredAt or involvedPersons");
        }
        escalations.consider(incident);
    }
}
