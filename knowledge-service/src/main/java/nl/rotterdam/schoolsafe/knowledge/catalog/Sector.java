package nl.rotterdam.schoolsafe.knowledge.catalog;

/** Education sector (onderwijssector): po, vo, vso, mbo. */
public enum Sector {
    VO,
    VSO,
    MBO,
    PO
}
