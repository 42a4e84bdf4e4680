package nl.rotterdam.schoolsafe.knowledge.catalog;

/** Theme of an offering (thema). */
public enum Theme {
    AGGRESSION,
    SEXUAL_RESILIENCE,
    DRUGS_AND_ALCOHOL,
    RADICALISATION,
    BULLYING,
    DISCRIMINATION,
    WEAPONS,
    CRIME,
    CITIZENSHIP,
    PSYCHOSOCIAL_AID,
    CARE,
    SAFETY_POLICY
}
