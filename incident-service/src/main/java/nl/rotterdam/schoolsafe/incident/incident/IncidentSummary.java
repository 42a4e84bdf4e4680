package nl.rotterdam.schoolsafe.incident.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.security.Role;
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

        @Schema(description = "Police involvement: for the safety coordinator only")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        PoliceReportStatus policeReportStatus,

        int involvedPersonCount) {
    static IncidentSummary of(Incident i, Role reader) {
        return new IncidentSummary(
                i.id(),
                i.schoolLocationId(),
                i.districtId(),
                i.locationType(),
                i.category(),
                i.severity(),
                i.occurredAt(),
                i.status(),
                IncidentView.seesPoliceInvolvement(reader) ? i.policeReportStatus() : null,
                i.involvedPersons().size());
    }
}
