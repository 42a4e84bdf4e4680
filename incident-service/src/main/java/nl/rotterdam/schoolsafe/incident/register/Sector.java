package nl.rotterdam.schoolsafe.incident.register;

/** Education sector: vo, vso, mbo, po. */
public enum Sector {
    VO,
    VSO,
    MBO,
    PO
}
