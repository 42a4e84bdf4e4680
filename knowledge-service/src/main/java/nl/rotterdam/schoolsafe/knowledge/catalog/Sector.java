package nl.rotterdam.schoolsafe.knowledge.catalog;

/** Education sector (onderwijssector): po, vo, vso, mbo. */
public enum Sector {
    PO,
    VO,
    VSO,
    MBO
}
