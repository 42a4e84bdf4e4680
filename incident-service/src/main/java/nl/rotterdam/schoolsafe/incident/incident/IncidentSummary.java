package nl.rotterdam.schoolsafe.incident.incident;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IncidentSummary", description = "An incident in a list: no description and no persons.")
public record IncidentSummary(
        @Schema(required = true) UUID id,
        @Schema(required = true) String schoolLocationId,
        String district,
        @Schema(required = true) LocationType locationType,
        @Schema(required = true) Category category,
        @Schema(required = true) Severity severity,
        @Schema(required = true) OffsetDateTime occurredAt,
        @Schema(required = true) IncidentStatus status,
        @Schema(required = true) PoliceReportStatus policeReportStatus,
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
