package nl.rotterdam.schoolsafe.knowledge.catalog;

/** Who an offering or session is for (doelgroep). */
public enum Audience {
    STUDENTS,
    TEACHERS,
    TEAMS,
    PARENTS
}
