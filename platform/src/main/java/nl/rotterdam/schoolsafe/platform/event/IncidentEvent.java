package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code incident.reported/updated/closed}. Carries the minimum other services need:
 * pseudonyms, never student identifiers, names or the free-text description.
 */
public record IncidentEvent(
        UUID incidentId,
        String schoolLocationId,
        String district,
        String locationType,
        String category,
        String severity,
        String status,
        String policeReportStatus,
        OffsetDateTime occurredAt,
        List<InvolvedPerson> involvedPersons) {

    public record InvolvedPerson(String pseudonym, String role, String kind, String schoolLocationId, boolean minor) {}
}
