package nl.rotterdam.schoolsafe.subsidy.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The action plan's two subsidy themes (thema's): aggression and sexual resilience (seksuele weerbaarheid). */
@Schema(name = "SubsidyTheme")
public enum Theme {
    AGGRESSION,
    SEXUAL_RESILIENCE
}
