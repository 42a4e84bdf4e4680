package nl.rotterdam.schoolsafe.platform.event;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every event the suite publishes: its topic, its CloudEvents {@code type} (the version suffix
 * changes with the payload schema) and the payload record that is its contract.
 */
public enum EventType {
    INCIDENT_REPORTED(Topics.INCIDENT, "incident.reported.v1", IncidentEvent.class),
    INCIDENT_UPDATED(Topics.INCIDENT, "incident.updated.v1", IncidentEvent.class),
    INCIDENT_CLOSED(Topics.INCIDENT, "incident.closed.v1", IncidentEvent.class),
    INCIDENT_EXPULSION_DECIDED(Topics.INCIDENT, "incident.expulsion-decided.v1", ExpulsionEvent.class),
    /** The school recorded more of an expulsion's follow-up: the right to object, interim education, a new school. */
    INCIDENT_EXPULSION_UPDATED(Topics.INCIDENT, "incident.expulsion-updated.v1", ExpulsionEvent.class),
    PARTNER_REGISTERED(Topics.REGISTER, "register.partner.v1", PartnerEvent.class),
    SCHOOL_LOCATION_REGISTERED(Topics.REGISTER, "register.school-location.v1", SchoolLocationEvent.class),
    BOARD_REGISTERED(Topics.REGISTER, "register.board.v1", BoardEvent.class),
    ESCALATION_OPENED(Topics.ESCALATION, "escalation.opened.v1", EscalationEvent.class),
    ESCALATION_UPDATED(Topics.ESCALATION, "escalation.updated.v1", EscalationEvent.class),
    ESCALATION_OVERDUE(Topics.ESCALATION, "escalation.overdue.v1", EscalationEvent.class),
    ESCALATION_CLOSED(Topics.ESCALATION, "escalation.closed.v1", EscalationEvent.class),
    /** On the engaged partner's stream: it was engaged on a case. */
    PARTNER_ENGAGED(Topics.PARTNER_PREFIX, "partner.engaged.v1", PartnerCaseEvent.class),
    /** On the partner's stream: its engagement was not accepted in time and went up a level. */
    PARTNER_ENGAGEMENT_ESCALATED(Topics.PARTNER_PREFIX, "partner.engagement-escalated.v1", PartnerCaseEvent.class),
    /** On the stream of every partner engaged on the case: the case changed as that partner sees it. */
    PARTNER_CASE_UPDATED(Topics.PARTNER_PREFIX, "partner.case-updated.v1", PartnerCaseEvent.class),
    PARTNER_CASE_CLOSED(Topics.PARTNER_PREFIX, "partner.case-closed.v1", PartnerCaseEvent.class),
    SUBSIDY_APPLICATION_SUBMITTED(Topics.SUBSIDY, "subsidy.application-submitted.v1", SubsidyApplicationEvent.class),
    SUBSIDY_APPLICATION_DECIDED(Topics.SUBSIDY, "subsidy.application-decided.v1", SubsidyApplicationEvent.class),
    SUBSIDY_POT_EXHAUSTED(Topics.SUBSIDY, "subsidy.pot-exhausted.v1", PotExhaustedEvent.class),
    KNOWLEDGE_SESSION_SCHEDULED(Topics.KNOWLEDGE, "knowledge.session-scheduled.v1", SessionEvent.class),
    KNOWLEDGE_SESSION_RESCHEDULED(Topics.KNOWLEDGE, "knowledge.session-rescheduled.v1", SessionEvent.class),
    KNOWLEDGE_SESSION_CANCELLED(Topics.KNOWLEDGE, "knowledge.session-cancelled.v1", SessionEvent.class),
    KNOWLEDGE_REGISTRATION_CHANGED(
            Topics.KNOWLEDGE, "knowledge.registration-changed.v1", RegistrationChangedEvent.class),
    /** An offering of the catalog was added or described anew. */
    CATALOG_OFFERING_DESCRIBED(Topics.CATALOG, "catalog.offering.v1", OfferingEvent.class);

    private static final String PREFIX = "nl.rotterdam.schoolsafe.";
    /** Where the published AsyncAPI document defines the payloads: CloudEvents {@code dataschema} points into it. */
    private static final String SCHEMAS =
            "https://api.schoolsafe.rotterdam.nl/api/v1/asyncapi.json#/components/schemas/";

    private final String topic;
    private final String cloudEventType;
    private final Class<? extends Record> payload;

    EventType(String topic, String type, Class<? extends Record> payload) {
        this.topic = topic;
        this.cloudEventType = PREFIX + type;
        this.payload = payload;
    }

    /** The topic; for a partner stream type only the prefix, as each event names its partner's topic. */
    public String topic() {
        return topic;
    }

    public boolean partnerStream() {
        return topic.equals(Topics.PARTNER_PREFIX);
    }

    /** The CloudEvents {@code type} attribute. */
    public String cloudEventType() {
        return cloudEventType;
    }

    public Class<? extends Record> payload() {
        return payload;
    }

    /** The CloudEvents {@code dataschema}: this payload's schema in the published AsyncAPI document. */
    public URI dataSchema() {
        return URI.create(SCHEMAS + payload.getSimpleName());
    }

    /** The event type a CloudEvents {@code type} names; empty for types this suite does not know. */
    public static Optional<EventType> of(String cloudEventType) {
        return Arrays.stream(values())
                .filter(t -> t.cloudEventType.equals(cloudEventType))
                .findFirst();
    }
}
