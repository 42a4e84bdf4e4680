package nl.rotterdam.schoolsafe.escalation.incident;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** What the detection rules need to know of earlier incidents (the incident projection answers). */
public interface History {
    /** Incidents (id → reporting school location) involving the pseudonym in the period. */
    Map<UUID, String> incidentsOfPseudonym(String pseudonym, OffsetDateTime from, OffsetDateTime to);

    /** How many incidents the district saw in the period, and at how many school locations. */
    DistrictWindow districtWindow(String district, OffsetDateTime from, OffsetDateTime to);

    /** Counts, not rows: the district-cluster rule needs no more, and a busy district's window stays one index scan. */
    record DistrictWindow(long incidents, long schools) {}
}
