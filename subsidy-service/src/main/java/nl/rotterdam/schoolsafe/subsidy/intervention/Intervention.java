package nl.rotterdam.schoolsafe.subsidy.intervention;

import java.util.Objects;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;

/** An offering of the catalog named as what an application's money is for, with its evidence level as then described. */
public record Intervention(UUID offeringId, String code, EvidenceLevel evidenceLevel) {
    public Intervention {
        Objects.requireNonNull(offeringId, "offeringId");
        Objects.requireNonNull(evidenceLevel, "evidenceLevel");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an intervention has the catalog's code");
        }
    }
}
