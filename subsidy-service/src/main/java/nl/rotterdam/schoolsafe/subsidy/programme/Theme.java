package nl.rotterdam.schoolsafe.subsidy.programme;

/** The action plan's two subsidy themes (thema's): aggression and sexual resilience (seksuele weerbaarheid). */
public enum Theme {
    AGGRESSION,
    SEXUAL_RESILIENCE
}
