package nl.rotterdam.schoolsafe.incident.register;

/** Education sector: vo, vso, mbo, po and so (special primary). */
public enum Sector {
    VO,
    VSO,
    MBO,
    PO,
    SO
}
