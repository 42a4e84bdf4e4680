package nl.rotterdam.schoolsafe.incident.incident;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Kind of incident (soort incident). */
@Schema(name = "IncidentCategory")
public enum Category {
    BULLYING,
    PHYSICAL_VIOLENCE,
    THREAT,
    WEAPON,
    DRUGS,
    SEXUAL_MISCONDUCT,
    DISCRIMINATION,
    COUNTERFEIT_MONEY_OR_FRAUD,
    THEFT,
    VANDALISM,
    RADICALISATION,
    AGGRESSION_AGAINST_STAFF,
    OTHER
}
