package nl.rotterdam.schoolsafe.platform.security;

/** Token claim names of docs/architecture.md §4, shared by the services and the token issuer. */
public final class Claims {
    public static final String ROLE = "role";
    public static final String SCHOOL_LOCATION_IDS = "school_location_ids";
    public static final String BOARD_ID = "board_id";
    public static final String AREA = "area";
    public static final String PARTNER = "partner";

    private Claims() {}
}
