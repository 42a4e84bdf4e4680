package nl.rotterdam.schoolsafe.platform.security;

/** Roles of docs/architecture.md §4; the token's {@code role} claim carries one. */
public enum Role {
    SCHOOL_STAFF,
    SAFETY_COORDINATOR,
    BOARD,
    MUNICIPALITY,
    /** The municipality's compulsory-education officer (leerplichtambtenaar): follows up expulsions. */
    COMPULSORY_EDUCATION_OFFICER,
    SAFETY_EXPERT,
    PARTNER,
    ADMIN,
    /** Another SchoolSafe service calling with its own token, never a person. */
    SERVICE;

    /** Constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String SCHOOL_STAFF = "SCHOOL_STAFF";
        public static final String SAFETY_COORDINATOR = "SAFETY_COORDINATOR";
        public static final String BOARD = "BOARD";
        public static final String MUNICIPALITY = "MUNICIPALITY";
        public static final String COMPULSORY_EDUCATION_OFFICER = "COMPULSORY_EDUCATION_OFFICER";
        public static final String SAFETY_EXPERT = "SAFETY_EXPERT";
        public static final String PARTNER = "PARTNER";
        public static final String ADMIN = "ADMIN";
        public static final String SERVICE = "SERVICE";

        private Names() {}
    }
}
