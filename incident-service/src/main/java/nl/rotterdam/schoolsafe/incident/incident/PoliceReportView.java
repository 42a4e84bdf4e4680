package nl.rotterdam.schoolsafe.incident.incident;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PoliceReport", description = "The police-report decision (aangifte) and how it was reached.")
public record PoliceReportView(
        @Schema(required = true) PoliceReportStatus status,
        String reason,
        @Schema(required = true) List<PoliceReportStatus> nextSteps,
        @Schema(required = true) List<Step> steps,
        @Schema(required = true) List<Consultation> parentConsultations) {

    @Schema(name = "PoliceReportStep")
    public record Step(PoliceReportStatus status, OffsetDateTime takenAt, String takenBy, String reason) {}

    @Schema(name = "ParentConsultation", description = "A parent or guardian consulted (ouder/voogd gehoord).")
    public record Consultation(
            int personIndex, ParentConsultation.Guardian guardian, OffsetDateTime consultedAt, String recordedBy) {}

    public static PoliceReportView of(Incident incident) {
        return new PoliceReportView(
                incident.policeReportStatus(),
                incident.policeReportReason(),
                incident.policeReportStatus().next().stream().toList(),
                incident.policeReportSteps().stream()
                        .map(s -> new Step(s.status, s.takenAt, s.takenBy, s.reason))
                        .toList(),
                incident.parentConsultations().stream()
                        .map(c -> new Consultation(c.personIndex, c.guardian, c.consultedAt, c.recordedBy))
                        .toList());
    }
}
