package nl.rotterdam.schoolsafe.escalation.incident;

/** Where it happened (plaats van het incident). */
public enum LocationType {
    IN_SCHOOL,
    SCHOOL_SURROUNDINGS,
    BICYCLE_SHED_OR_PARKING,
    PUBLIC_TRANSPORT,
    NEIGHBOURHOOD,
    ONLINE;

    public boolean outsideSchool() {
        return this != IN_SCHOOL;
    }
}
