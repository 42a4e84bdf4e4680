package nl.rotterdam.schoolsafe.escalation.detection;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the rules need to know of earlier incidents (the incident projection answers). */
public interface History {
    /** Incidents (id → reporting school location) involving the pseudonym in the period. */
    java.util.Map<UUID, String> incidentsOfPseudonym(String pseudonym, OffsetDateTime from, OffsetDateTime to);

    /** Incidents (id → reporting school location) in the district in the period. */
    java.util.Map<UUID, String> incidentsInDistrict(String district, OffsetDateTime from, OffsetDateTime to);
}
