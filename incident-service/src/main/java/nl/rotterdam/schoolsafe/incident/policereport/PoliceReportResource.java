package nl.rotterdam.schoolsafe.incident.policereport;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.incident.ParentConsultation;
import nl.rotterdam.schoolsafe.incident.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.incident.incident.PoliceReportView;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/incidents/{incidentId}/police-report")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Police report", description = "Deciding with the police on a police report (aangifte), measure 9")
public class PoliceReportResource {
    private final PoliceReportService policeReports;
    private final Caller caller;

    PoliceReportResource(PoliceReportService policeReports, Caller caller) {
        this.policeReports = policeReports;
        this.caller = caller;
    }

    @Schema(
            name = "PoliceReportDecision",
            description = "The next step: CONSIDERING, POLICE_CONSULTED, FILED or NOT_FILED (reason required).")
    public record DecisionRequest(
            @NotNull PoliceReportStatus status,

            @Schema(example = "Consulted the community police officer; parents prefer HALT.") @Size(max = 2000)
            String reason) {}

    @Schema(
            name = "ParentConsultationRequest",
            description = "A parent or guardian of a minor consulted before a police report.")
    public record ConsultationRequest(
            @Schema(description = "Index of the student in involvedPersons") @NotNull @Min(0) @Max(49)
            Integer personIndex,

            @NotNull ParentConsultation.Guardian guardian,

            @Schema(example = "2026-11-20T16:00:00+01:00") @NotNull
            OffsetDateTime consultedAt) {}

    @POST
    @Path("/decisions")
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Take the next step of the police-report decision",
            description =
                    "none → considering → police consulted → filed / not filed. Filing concerning a minor is refused "
                            + "until a parent or guardian consultation is recorded.")
    public RestResponse<PoliceReportView> decidePoliceReport(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull DecisionRequest request) {
        return policeReports
                .decide(incidentId, request.status(), request.reason(), caller)
                .ok();
    }

    @POST
    @Path("/parent-consultations")
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Record that a parent or guardian of a minor was consulted",
            description =
                    "Who was consulted and when, for a student under 18; a police report about a minor needs it first.")
    public RestResponse<PoliceReportView> consultParents(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull ConsultationRequest request) {
        return policeReports
                .consultParents(incidentId, request.personIndex(), request.guardian(), request.consultedAt(), caller)
                .ok();
    }
}
