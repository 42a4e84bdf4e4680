package nl.rotterdam.schoolsafe.knowledge.catalog;

/** Education sector (onderwijssector): po, vo, vso, mbo and so (special primary). */
public enum Sector {
    VO,
    VSO,
    MBO,
    PO,
    SO
}
