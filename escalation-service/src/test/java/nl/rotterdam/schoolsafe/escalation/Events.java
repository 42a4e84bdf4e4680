package nl.rotterdam.schoolsafe.escalation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.runtime.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The incident and register events the escalation-service consumes, and the case events it publishes. */
public final class Events extends TestEvents {

    public static IncidentEvent incident(
            String school,
            String district,
            String category,
            String severity,
            OffsetDateTime occurredAt,
            IncidentEvent.InvolvedPerson... persons) {
        return new IncidentEvent(
                UUID.randomUUID(),
                school,
                district,
                "IN_SCHOOL",
                category,
                severity,
                "REGISTERED",
                "NONE",
                occurredAt,
                List.of(persons));
    }

    public static IncidentEvent.InvolvedPerson student(String pseudonym, String role, String school) {
        return new IncidentEvent.InvolvedPerson(pseudonym, role, "STUDENT", school, true);
    }

    public static String pseudonym() {
        return "ps-" + UUID.randomUUID().toString().replace("-", "");
    }

    public void reported(IncidentEvent incident) {
        publish(
                Topics.INCIDENT,
                EventType.INCIDENT_REPORTED.cloudEventType(),
                incident.incidentId().toString(),
                incident);
    }

    /** An expulsion decided at a school, or, {@code decided} false, more of its follow-up recorded. */
    public void expulsion(ExpulsionEvent expulsion, boolean decided) {
        publish(
                Topics.INCIDENT,
                (decided ? EventType.INCIDENT_EXPULSION_DECIDED : EventType.INCIDENT_EXPULSION_UPDATED)
                        .cloudEventType(),
                expulsion.incidentId().toString(),
                expulsion);
    }

    public void partner(String id, String kind) {
        partner(id, kind, false);
    }

    public void partner(String id, String kind, boolean retired) {
        publish(
                Topics.REGISTER,
                EventType.PARTNER_REGISTERED.cloudEventType(),
                "partner:" + id,
                new PartnerEvent(id, "Partner " + id, kind, retired));
    }

    /** Records of a partner stream type on that partner's own stream about a case. */
    public static List<ConsumerRecord<String, byte[]>> publishedTo(
            String partnerId, String caseId, EventType type, int expected, Duration timeout) {
        return published(Topics.partner(partnerId), caseId, type.cloudEventType(), expected, timeout);
    }

    /** Records of the given type this service published about a case. */
    public static List<ConsumerRecord<String, byte[]>> published(
            String caseId, EventType type, int expected, Duration timeout) {
        return published(type.topic(), caseId, type.cloudEventType(), expected, timeout);
    }
}
