package nl.rotterdam.schoolsafe.knowledge;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import nl.rotterdam.schoolsafe.runtime.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The incident and register events the knowledge-service consumes, and the session events it publishes. */
public final class Events extends TestEvents {

    public static IncidentEvent incident(String school, String category, OffsetDateTime occurredAt) {
        return new IncidentEvent(
                UUID.randomUUID(),
                school,
                "delfshaven",
                "IN_SCHOOL",
                category,
                "MEDIUM",
                "REGISTERED",
                "NONE",
                occurredAt,
                List.of());
    }

    public void reported(IncidentEvent incident) {
        publish(EventType.INCIDENT_REPORTED, incident.incidentId().toString(), incident);
    }

    public void updated(IncidentEvent incident) {
        publish(EventType.INCIDENT_UPDATED, incident.incidentId().toString(), incident);
    }

    public void schoolLocation(String id, String boardId) {
        publish(
                EventType.SCHOOL_LOCATION_REGISTERED,
                "school-location:" + id,
                new SchoolLocationEvent(
                        id, id.substring(0, 4), id.substring(4), "School " + id, boardId, "VO", "delfshaven", 500));
    }

    private void publish(EventType type, String key, Object payload) {
        publish(type.topic(), type.cloudEventType(), key, payload);
    }

    /** Records of the given type this service published about a session. */
    public static List<ConsumerRecord<String, byte[]>> published(
            String sessionId, EventType type, int expected, Duration timeout) {
        return published(type.topic(), sessionId, type.cloudEventType(), expected, timeout);
    }
}
