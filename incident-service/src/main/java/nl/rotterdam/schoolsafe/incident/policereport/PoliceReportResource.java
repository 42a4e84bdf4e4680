package nl.rotterdam.schoolsafe.incident.policereport;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.incident.InvolvementRoute;
import nl.rotterdam.schoolsafe.incident.incident.ParentConsultation;
import nl.rotterdam.schoolsafe.incident.incident.PoliceConsultation;
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
@Tag(
        name = "Police report",
        description =
                "Police involvement: weighing, consultation with police or enforcement, and the outcome (aangifte,"
                        + " melding or another route), measure 9")
public class PoliceReportResource {
    private final PoliceReportService policeReports;
    private final Caller caller;

    PoliceReportResource(PoliceReportService policeReports, Caller caller) {
        this.policeReports = policeReports;
        this.caller = caller;
    }

    @Schema(
            name = "PoliceReportDecision",
            description = "The next step: CONSIDERING (the internal weighing), or after a consultation one outcome:"
                    + " FILED, SCHOOL_REPORT_ONLY, OTHER_ROUTE (route required) or NO_ACTION (reason required).")
    public record DecisionRequest(
            @NotNull PoliceReportStatus status,

            @Schema(
                    description = "For OTHER_ROUTE: a code from GET /incidents/involvement-routes",
                    example = "HALT_REFERRAL")
            @Pattern(regexp = InvolvementRoute.PATTERN)
            String route,

            @Schema(example = "Consulted the community police officer; parents prefer HALT.") @Size(max = 2000)
            String reason) {}

    @Schema(
            name = "PoliceConsultationRequest",
            description =
                    "A consultation with the police or with enforcement (who, when), after the internal weighing.")
    public record PoliceConsultationRequest(
            @NotNull PoliceConsultation.Party party,

            @Schema(
                    description = "The officer's function or team; never a pupil's name",
                    example = "Community police officer, Delfshaven")
            @NotBlank
            @Size(max = 200)
            String contact,

            @Schema(example = "2026-11-20T15:00:00+01:00") @NotNull
            OffsetDateTime consultedAt) {}

    @Schema(
            name = "ParentConsultationRequest",
            description = "A parent or guardian of a minor consulted before any outcome of police involvement.")
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
            summary = "Take the next step of police involvement",
            description = "none → considering (internal weighing) → consulted (POST …/consultations) → filed, school"
                    + " report only, another route or no action. Every outcome needs the consultation with police or"
                    + " enforcement first (409 police-or-enforcement-not-consulted) and, for a minor, a recorded"
                    + " consultation of a parent or guardian (409 parents-not-consulted).")
    public RestResponse<PoliceReportView> decidePoliceReport(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull DecisionRequest request) {
        return policeReports
                .decide(incidentId, request.status(), request.route(), request.reason(), caller)
                .ok();
    }

    @POST
    @Path("/consultations")
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Record a consultation with the police or with enforcement",
            description = "With whom and when, after the internal weighing started (CONSIDERING) and before the"
                    + " outcome; the first one moves police involvement to CONSULTED.")
    public RestResponse<PoliceReportView> consultPoliceOrEnforcement(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull PoliceConsultationRequest request) {
        return policeReports
                .consultPoliceOrEnforcement(
                        incidentId, request.party(), request.contact(), request.consultedAt(), caller)
                .ok();
    }

    @POST
    @Path("/parent-consultations")
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Record that a parent or guardian of a minor was consulted",
            description =
                    "Who was consulted and when, for a student under 18; every outcome concerning a minor needs it first.")
    public RestResponse<PoliceReportView> consultParents(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull ConsultationRequest request) {
        return policeReports
                .consultParents(incidentId, request.personIndex(), request.guardian(), request.consultedAt(), caller)
                .ok();
    }
}
