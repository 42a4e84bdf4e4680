package nl.rotterdam.schoolsafe.knowledge.catalog;

/** How well an offering's effect is established (mate van bewezen effectiviteit). */
public enum EvidenceLevel {
    EVIDENCE_BASED,
    EVIDENCE_INFORMED,
    PROMISING,
    NONE
}
