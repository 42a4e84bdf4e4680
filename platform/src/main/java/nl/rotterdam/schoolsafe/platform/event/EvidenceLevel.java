package nl.rotterdam.schoolsafe.platform.event;

/** How well an intervention's effect is established (mate van bewezen effectiviteit): the catalog's and the subsidies' word. */
public enum EvidenceLevel {
    EVIDENCE_BASED,
    EVIDENCE_INFORMED,
    PROMISING,
    NONE
}
