package nl.rotterdam.schoolsafe.escalation.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler;

import java.io.IOException;
import java.util.Set;

/** Feeds reported and updated incidents to the detection rules. */
@ApplicationScoped
public class IncidentEventHandler implements EventHandler {
    private static final Set<String> CONSIDERED = Set.of(EventTypes.INCIDENT_REPORTED, EventTypes.INCIDENT_UPDATED);
    private final EscalationService escalations;
    private final ObjectMapper json;

    IncidentEventHandler(EscalationService escalations, ObjectMapper json) {
        this.escalations = escalations;
        this.json = json;
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
        if (!CONSIDERED.contains(event.getType())) {
            return;
        }
        if (event.getData() == null) {
            throw new UnprocessableEvent("event " + event.getId() + " has no data");
        }
        IncidentEvent incident;
        try {
            incident = json.readValue(event.getData().toBytes(), IncidentEvent.class);
        } catch (IOException e) {
            throw new UnprocessableEvent("payload of " + event.getId() + " is not an incident event (" + e.getClass().getSimpleName() + ")", e);
        }
        if (incident.incidentId() == null || incident.district() == null || incident.involvedPersons() == null) {
            throw new UnprocessableEvent("payload of " + event.getId() + " lacks incidentId, district or involvedPersons");
        }
        escalations.consider(incident);
    }
}
