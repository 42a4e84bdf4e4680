package nl.rotterdam.schoolsafe.escalation.escalation;

import nl.rotterdam.schoolsafe.escalation.detection.Rule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "Escalation", description = "An escalation case (opgeschaalde casus) in a district's queue.")
public record EscalationView(
        UUID id,
        @Schema(description = "District (gebied)", example = "delfshaven") String district,
        CaseStatus status,
        Priority priority,
        OffsetDateTime openedAt,
        @Schema(description = "When the safety expert must have responded") OffsetDateTime responseDueAt,
        List<IncidentView> incidents,
        @Schema(description = "Why the case opened: each detection rule that fired") List<FiringView> firings) {

    @Schema(name = "EscalationIncident", description = "A linked incident (gekoppelde melding): category, severity and date only.")
    public record IncidentView(UUID incidentId, String schoolLocationId, String category, String severity, OffsetDateTime occurredAt) {
    }

    @Schema(name = "RuleFiring", description = "A detection rule that fired for an incident.")
    public record FiringView(UUID incidentId, Rule rule, String explanation) {
    }

    static EscalationView of(EscalationCase c) {
        return new EscalationView(c.id, c.districtId, c.status, c.priority, c.openedAt, c.responseDueAt,
                c.incidents.stream().map(i -> new IncidentView(i.incidentId, i.schoolLocationId, i.category, i.severity, i.occurredAt)).toList(),
                c.firings.stream().map(f -> new FiringView(f.incidentId, f.rule, f.explanation)).toList());
    }
}
