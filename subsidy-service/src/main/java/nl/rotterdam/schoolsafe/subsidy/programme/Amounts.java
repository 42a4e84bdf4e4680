package nl.rotterdam.schoolsafe.subsidy.programme;

/** Money is whole cents in a long; no amount in this domain comes near EUR 100 million. */
public final class Amounts {
    public static final long MAX_CENTS = 10_000_000_000L;

    private Amounts() {}
}
