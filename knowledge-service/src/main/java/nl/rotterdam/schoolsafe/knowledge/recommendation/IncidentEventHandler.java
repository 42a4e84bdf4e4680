package nl.rotterdam.schoolsafe.knowledge.recommendation;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;

/** Counts reported and updated incidents per school location, category and month. */
@ApplicationScoped
public class IncidentEventHandler implements EventHandler {
    private final IncidentTrends trends;
    private final EventPayloads payloads;

    IncidentEventHandler(IncidentTrends trends, EventPayloads payloads) {
        this.trends = trends;
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
                case INCIDENT_REPORTED, INCIDENT_UPDATED -> count(event);
                default -> {
                    // closing or an expulsion decision moves no count
                }
            }
        });
    }

    private void count(CloudEvent event) {
        IncidentEvent incident = payloads.read(event, IncidentEvent.class);
        if (incident.incidentId() == null
                || incident.schoolLocationId() == null
                || incident.category() == null
                || incident.occurredAt() == null) {
            throw new UnprocessableEvent(
                    "payload of " + event.getId() + " lacks incidentId, schoolLocationId, category or occurredAt");
        }
        trends.count(incident);
    }
}
