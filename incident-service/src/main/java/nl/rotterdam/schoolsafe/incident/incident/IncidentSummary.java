package nl.rotterdam.schoolsafe.incident.incident;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentSummary", description = "An incident in a list: no description and no persons.")
public record IncidentSummary(
        @Schema(required = true) UUID id,
        String schoolLocationId,
        String district,
        LocationType locationType,
        Category category,
        Severity severity,
        OffsetDateTime occurredAt,
        IncidentStatus status,
        PoliceReportStatus policeReportStatus,
        int involvedPersonCount) {
    static IncidentSummary of(Incident i) {
        return new IncidentSummary(
                i.id(),
                i.schoolLocationId(),
                i.districtId(),
                i.locationType(),
                i.category(),
                i.severity(),
                i.occurredAt(),
                i.status(),
                i.policeReportStatus(),
                i.involvedPersons().size());
    }
}
