package nl.rotterdam.schoolsafe.escalation.incident;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** What the detection rules need to know of earlier incidents (the incident projection answers). */
public interface History {
    /** Incidents (id → reporting school location) involving the pseudonym in the period. */
    Map<UUID, String> incidentsOfPseudonym(String pseudonym, OffsetDateTime from, OffsetDateTime to);

    /** Incidents (id → reporting school location) in the district in the period. */
    Map<UUID, String> incidentsInDistrict(String district, OffsetDateTime from, OffsetDateTime to);
}
