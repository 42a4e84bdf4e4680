package nl.rotterdam.schoolsafe.incident.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ChronologyEntry",
        description = "One incident in a student's chronology, with the student's role(s) in it.")
public record ChronologyEntry(
        UUID incidentId,
        String schoolLocationId,
        OffsetDateTime occurredAt,
        Category category,
        Severity severity,
        IncidentStatus status,
        List<InvolvedPerson.Role> roles) {
    static ChronologyEntry of(Incident incident, String pseudonym) {
        return new ChronologyEntry(
                incident.id(),
                incident.schoolLocationId(),
                incident.occurredAt(),
                incident.category(),
                incident.severity(),
                incident.status(),
                incident.involvedPersons().stream()
                        .filter(p -> pseudonym.equals(p.pseudonym))
                        .map(p -> p.role)
                        .toList());
    }
}
