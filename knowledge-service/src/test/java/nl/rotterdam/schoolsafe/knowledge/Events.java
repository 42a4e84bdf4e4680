package nl.rotterdam.schoolsafe.knowledge;

import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.runtime.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The incident and register events the knowledge-service consumes, and the session events it publishes. */
public final class Events extends TestEvents {

    public static IncidentEvent incident(String school, String category, OffsetDateTime occurredAt) {
        return new IncidentEvent(UUID.randomUUID(), school, "delfshaven", "IN_SCHOOL", category, "MEDIUM", "REGISTERED", "NONE",
                occurredAt, List.of());
    }

    public void reported(IncidentEvent incident) {
        publish(Topics.INCIDENT, EventTypes.INCIDENT_REPORTED, incident.incidentId().toString(), incident);
    }

    public void updated(IncidentEvent incident) {
        publish(Topics.INCIDENT, EventTypes.INCIDENT_UPDATED, incident.incidentId().toString(), incident);
    }

    public void schoolLocation(String id, String boardId) {
        publish(Topics.REGISTER, EventTypes.SCHOOL_LOCATION_REGISTERED, "school-location:" + id,
                new SchoolLocationEvent(id, id.substring(0, 4), id.substring(4), "School " + id, boardId, "VO", "delfshaven", 500));
    }

    /** Records of the given type this service published about a session. */
    public static List<ConsumerRecord<String, byte[]>> published(String sessionId, String type, int expected, Duration timeout) {
        return published(Topics.KNOWLEDGE, sessionId, type, expected, timeout);
    }
}
