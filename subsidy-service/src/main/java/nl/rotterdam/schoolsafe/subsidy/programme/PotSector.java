package nl.rotterdam.schoolsafe.subsidy.programme;

import java.util.Optional;

/** The plan's two pots: one for the vo boards (including special secondary, vso), one for the mbo institutions. */
public enum PotSector {
    VO,
    MBO;

    /** The pot a school location of the register's sector draws from; primary schools have none. */
    public static Optional<PotSector> ofLocationSector(String sector) {
        return Optional.ofNullable(
                switch (sector) {
                    case "VO", "VSO" -> VO;
                    case "MBO" -> MBO;
                    default -> null;
                });
    }
}
