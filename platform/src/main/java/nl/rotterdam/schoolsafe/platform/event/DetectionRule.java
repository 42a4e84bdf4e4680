package nl.rotterdam.schoolsafe.platform.event;

/** Named detection rules; the name is recorded on the case so an expert sees why it opened. */
public enum DetectionRule {
    WEAPON_OR_CRITICAL,
    INVOLVED_PERSON_OF_OTHER_SCHOOL,
    OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER,
    SAME_PSEUDONYM_AT_SCHOOLS,
    DISTRICT_CLUSTER,
    MANUAL_REQUEST
}
