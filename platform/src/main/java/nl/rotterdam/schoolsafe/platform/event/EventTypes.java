package nl.rotterdam.schoolsafe.platform.event;

/** CloudEvents {@code type} attribute values; the version suffix changes with the payload schema. */
public final class EventTypes {
    private static final String PREFIX = "nl.rotterdam.schoolsafe.";

    public static final String INCIDENT_REPORTED = PREFIX + "incident.reported.v1";
    public static final String INCIDENT_UPDATED = PREFIX + "incident.updated.v1";
    public static final String INCIDENT_CLOSED = PREFIX + "incident.closed.v1";
    public static final String INCIDENT_EXPULSION_DECIDED = PREFIX + "incident.expulsion-decided.v1";
    public static final String PARTNER_REGISTERED = PREFIX + "register.partner.v1";
    public static final String SCHOOL_LOCATION_REGISTERED = PREFIX + "register.school-location.v1";
    public static final String BOARD_REGISTERED = PREFIX + "register.board.v1";
    public static final String ESCALATION_OPENED = PREFIX + "escalation.opened.v1";
    public static final String ESCALATION_UPDATED = PREFIX + "escalation.updated.v1";
    public static final String ESCALATION_PARTNER_ENGAGED = PREFIX + "escalation.partner-engaged.v1";
    public static final String ESCALATION_OVERDUE = PREFIX + "escalation.overdue.v1";
    public static final String ESCALATION_CLOSED = PREFIX + "escalation.closed.v1";
    public static final String ESCALATION_ENGAGEMENT_ESCALATED = PREFIX + "escalation.engagement-escalated.v1";
    public static final String SUBSIDY_APPLICATION_SUBMITTED = PREFIX + "subsidy.application-submitted.v1";
    public static final String SUBSIDY_APPLICATION_DECIDED = PREFIX + "subsidy.application-decided.v1";
    public static final String SUBSIDY_POT_EXHAUSTED = PREFIX + "subsidy.pot-exhausted.v1";
    public static final String KNOWLEDGE_SESSION_SCHEDULED = PREFIX + "knowledge.session-scheduled.v1";
    public static final String KNOWLEDGE_REGISTRATION_CHANGED = PREFIX + "knowledge.registration-changed.v1";

    private EventTypes() {
    }
}
