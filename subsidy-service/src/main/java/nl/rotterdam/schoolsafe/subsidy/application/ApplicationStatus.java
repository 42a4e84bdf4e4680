package nl.rotterdam.schoolsafe.subsidy.application;

/** The Dutch subsidy life cycle: aangevraagd -> verleend -> vastgesteld, or afgewezen; a large grant waits for a second officer. */
public enum ApplicationStatus {
    REQUESTED,
    AWAITING_SECOND_APPROVAL,
    GRANTED,
    REJECTED,
    SETTLED
}
