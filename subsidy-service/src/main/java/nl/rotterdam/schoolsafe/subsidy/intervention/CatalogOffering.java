package nl.rotterdam.schoolsafe.subsidy.intervention;

import java.util.Objects;
import java.util.Set;

/** An intervention as the catalog offers it now: for the register sectors it lists. */
public record CatalogOffering(Intervention intervention, Set<String> sectors) {
    public CatalogOffering {
        Objects.requireNonNull(intervention, "intervention");
        sectors = Set.copyOf(sectors);
    }

    public boolean serves(String locationSector) {
        return sectors.contains(locationSector);
    }
}
