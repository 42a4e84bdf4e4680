package nl.rotterdam.schoolsafe.incident.incident;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PoliceReport",
        description =
                "Police involvement: the weighing, the consultations with police or enforcement, and the outcome.")
public record PoliceReportView(
        @Schema(required = true) PoliceReportStatus status,
        String reason,

        @Schema(
                description = "The route's code, for OTHER_ROUTE (see GET /incidents/involvement-routes)",
                pattern = InvolvementRoute.PATTERN,
                example = "HALT_REFERRAL")
        String route,

        @Schema(required = true) List<PoliceReportStatus> nextSteps,
        @Schema(required = true) List<Step> steps,
        @Schema(required = true) List<PoliceConsultationView> consultations,
        @Schema(required = true) List<Consultation> parentConsultations) {

    @Schema(name = "PoliceReportStep")
    public record Step(
            PoliceReportStatus status,
            OffsetDateTime takenAt,
            String takenBy,
            String reason,

            @Schema(pattern = InvolvementRoute.PATTERN, example = "HALT_REFERRAL")
            String route) {}

    @Schema(name = "PoliceConsultation", description = "A consultation with the police or with enforcement.")
    public record PoliceConsultationView(
            @Schema(required = true) PoliceConsultation.Party party,

            @Schema(required = true, example = "Community police officer, Delfshaven")
            String contact,

            @Schema(required = true) OffsetDateTime consultedAt,
            @Schema(required = true) String recordedBy) {}

    @Schema(name = "ParentConsultation", description = "A parent or guardian consulted (ouder/voogd gehoord).")
    public record Consultation(
            int personIndex, ParentConsultation.Guardian guardian, OffsetDateTime consultedAt, String recordedBy) {}

    public static PoliceReportView of(Incident incident) {
        return new PoliceReportView(
                incident.policeReportStatus(),
                incident.policeReportReason(),
                incident.policeReportRoute(),
                incident.policeReportStatus().next().stream().toList(),
                incident.policeReportSteps().stream()
                        .map(s -> new Step(s.status, s.takenAt, s.takenBy, s.reason, s.route))
                        .toList(),
                incident.policeConsultations().stream()
                        .map(c -> new PoliceConsultationView(c.party, c.contact, c.consultedAt, c.recordedBy))
                        .toList(),
                incident.parentConsultations().stream()
                        .map(c -> new Consultation(c.personIndex, c.guardian, c.consultedAt, c.recordedBy))
                        .toList());
    }
}
