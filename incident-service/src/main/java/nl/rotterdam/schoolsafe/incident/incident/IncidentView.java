package nl.rotterdam.schoolsafe.incident.incident;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Incident", description = "An incident (melding) as its own school sees it.")
public record IncidentView(
        UUID id,
        @Schema(example = "30BR01") String schoolLocationId,
        @Schema(example = "delfshaven") String district,
        LocationType locationType,
        Category category,
        Severity severity,
        String description,
        OffsetDateTime occurredAt,
        OffsetDateTime reportedAt,
        IncidentStatus status,
        List<PersonView> involvedPersons) {

    @Schema(name = "InvolvedPerson", description = "A person involved (betrokkene); students appear only as pseudonyms.")
    public record PersonView(InvolvedPerson.Role role, InvolvedPerson.Kind kind,
                             @Schema(description = "Keyed pseudonym of a student", example = "ps-3f1c9a0e5b7d4c2a8e6f0b1d2c3a4e5f") String pseudonym,
                             String schoolLocationId) {
    }

    static IncidentView of(Incident incident) {
        return new IncidentView(incident.id, incident.schoolLocationId, incident.districtId, incident.locationType,
                incident.category, incident.severity, incident.description, incident.occurredAt, incident.reportedAt,
                incident.status, incident.involvedPersons.stream()
                .map(p -> new PersonView(p.role, p.kind, p.pseudonym, p.schoolLocationId)).toList());
    }
}
