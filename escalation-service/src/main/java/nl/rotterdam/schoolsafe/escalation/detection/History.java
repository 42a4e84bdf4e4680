package nl.rotterdam.schoolsafe.escalation.detection;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** What the rules need to know of earlier incidents (the incident projection answers). */
public interface History {
    /** School locations at which incidents involving the pseudonym occurred in the period. */
    Set<String> schoolsOfPseudonym(String pseudonym, OffsetDateTime from, OffsetDateTime to);

    /** Incidents (id → reporting school location) in the district in the period. */
    java.util.Map<UUID, String> incidentsInDistrict(String district, OffsetDateTime from, OffsetDateTime to);
}
