package nl.rotterdam.schoolsafe.escalation.sharing;

import java.util.Optional;

/** Who reads a case: a column of the sharing matrix. */
public enum Recipient {
    OWN_SCHOOL,
    OTHER_SCHOOL,
    SAFETY_EXPERT,
    POLICE,
    ZVHRR,
    YOUTH_WORK_HALT,
    MUNICIPALITY;

    /** The column for a partner organisation of the register's kind. */
    public static Optional<Recipient> ofPartnerKind(String kind) {
        return Optional.ofNullable(
                switch (kind) {
                    case "POLICE" -> POLICE;
                    case "ZVHRR" -> ZVHRR;
                    case "YOUTH_WORK", "YOUTH_ENFORCERS", "HALT", "PSHI" -> YOUTH_WORK_HALT;
                    default -> null;
                });
    }
}
