package nl.rotterdam.schoolsafe.subsidy.programme;

/** How a programme's pots are divided: the boards' joint urgency round, or a fixed formula (like the quality budget). */
public enum AllocationMethod {
    URGENCY_ROUND,
    FORMULA
}
