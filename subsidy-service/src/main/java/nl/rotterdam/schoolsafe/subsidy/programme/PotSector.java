package nl.rotterdam.schoolsafe.subsidy.programme;

import java.util.Set;

/**
 * Which school locations a pot serves, by their register sector: the safety plan's two pots (vo boards including
 * special secondary, and mbo institutions) and the quality budget's one pot for po, vo, so and vso.
 */
public enum PotSector {
    VO(Set.of("VO", "VSO")),
    MBO(Set.of("MBO")),
    PO_VO_SO_VSO(Set.of("PO", "VO", "SO", "VSO"));

    private final Set<String> locationSectors;

    PotSector(Set<String> locationSectors) {
        this.locationSectors = locationSectors;
    }

    /** Whether a location of this register sector draws from a pot of this kind. */
    public boolean serves(String locationSector) {
        return locationSectors.contains(locationSector);
    }

    public boolean overlaps(PotSector other) {
        return other.locationSectors.stream().anyMatch(locationSectors::contains);
    }
}
