package nl.rotterdam.schoolsafe.knowledge.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Theme of an offering (thema). */
@Schema(name = "OfferingTheme")
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
