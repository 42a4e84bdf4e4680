package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.pseudonym.Pseudonymizer;
import nl.rotterdam.schoolsafe.platform.audit.AuditTrail;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "A school's incident register (meldingen)")
public class IncidentResource {
    private final IncidentService incidents;
    private final Pseudonymizer pseudonymizer;
    private final Caller caller;

    IncidentResource(IncidentService incidents, Pseudonymizer pseudonymizer, Caller caller) {
        this.incidents = incidents;
        this.pseudonymizer = pseudonymizer;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Register an incident",
            description =
                    "Stores the incident with student pseudonyms and publishes incident.reported (not for a draft). "
                            + "Send an Idempotency-Key so a retry creates nothing twice.")
    @APIResponse(
            responseCode = "201",
            description = "Registered (or, with the same Idempotency-Key and body, the first answer replayed)",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    public RestResponse<IncidentView> registerIncident(
            @Valid @NotNull IncidentRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Unique per intended incident")
                    String idempotencyKey,
            UriInfo uri) {
        return incidents.register(request, idempotencyKey, caller).response(uri);
    }

    @GET
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(summary = "List your incidents", description = "Newest first; filter and page with the cursor.")
    public Page<IncidentSummary> listIncidents(@Valid @BeanParam IncidentFilter filter) {
        return incidents.list(filter, caller);
    }

    @GET
    @Path("/{incidentId}")
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(
            summary = "Read one incident of your own school locations",
            description = "The read is written to the processing log.")
    public RestResponse<IncidentView> getIncident(@PathParam("incidentId") UUID incidentId) {
        return incidents
                .read(incidentId, caller)
                .orElseThrow(() -> ProblemException.notFound("incident " + incidentId))
                .ok();
    }

    @PUT
    @Path("/{incidentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Correct an incident",
            description = "Requires If-Match with the ETag you read; a stale one gets 412.")
    public RestResponse<IncidentView> reviseIncident(
            @PathParam("incidentId") UUID incidentId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @Valid @NotNull IncidentRequest request) {
        return incidents.revise(incidentId, ifMatch, request, caller).ok();
    }

    @POST
    @Path("/{incidentId}/register")
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Register a draft incident",
            description = "From DRAFT; publishes incident.reported, as a direct registration does.")
    public RestResponse<IncidentView> registerDraftIncident(@PathParam("incidentId") UUID incidentId) {
        return incidents.registerDraft(incidentId, caller).ok();
    }

    @POST
    @Path("/{incidentId}/start-follow-up")
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Start the follow-up (nazorg) of a registered incident",
            description = "From REGISTERED to IN_FOLLOW_UP (nazorg); the change is audited.")
    public RestResponse<IncidentView> startFollowUp(@PathParam("incidentId") UUID incidentId) {
        return incidents.startFollowUp(incidentId, caller).ok();
    }

    @POST
    @Path("/{incidentId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(summary = "Close an incident with a reason", description = "Publishes incident.closed.")
    public RestResponse<IncidentView> closeIncident(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull ReasonRequest request) {
        return incidents.close(incidentId, request.reason(), caller).ok();
    }

    @POST
    @Path("/{incidentId}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Reopen a closed incident with a reason",
            description = "From CLOSED, with the reason; the change is audited.")
    public RestResponse<IncidentView> reopenIncident(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull ReasonRequest request) {
        return incidents.reopen(incidentId, request.reason(), caller).ok();
    }

    @PUT
    @Path("/{incidentId}/shareable-summary")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Write the summary partners may see",
            description =
                    "A short text without names, education numbers or contact details. When the incident is escalated, "
                            + "the safety expert, the police and ZVHRR see it; the description itself never leaves the school.")
    public RestResponse<IncidentView> writeShareableSummary(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull ShareableSummaryRequest request) {
        return incidents
                .writeShareableSummary(incidentId, request.text(), caller)
                .ok();
    }

    @GET
    @Path("/{incidentId}/audit-trail")
    @RolesAllowed({Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(
            summary = "Every change to the incident: who, when, what, before and after",
            description = "Oldest first; paged with the cursor.")
    public Page<AuditTrail.Entry> getIncidentAuditTrail(
            @PathParam("incidentId") UUID incidentId, @Valid @BeanParam PageRequest page) {
        return incidents
                .auditTrail(incidentId, page, caller)
                .orElseThrow(() -> ProblemException.notFound("incident " + incidentId));
    }

    @POST
    @Path("/chronology")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "A student's chronology in your own school locations",
            description =
                    "Every incident the student is involved in, oldest first, with the role in each; paged with the cursor "
                            + "in the body. Each incident shown is logged as a read.")
    public Page<ChronologyEntry> searchPupilChronology(@Valid @NotNull ChronologyRequest request) {
        if ((request.studentNumber() == null) == (request.pseudonym() == null)) {
            throw ProblemException.invalid("studentNumber", "give exactly one of studentNumber and pseudonym");
        }
        Pseudonymizer.Pseudonym pseudonym = request.pseudonym() != null
                ? new Pseudonymizer.Pseudonym(request.pseudonym())
                : pseudonymizer.of(new Pseudonymizer.StudentNumber(request.studentNumber()));
        return incidents.chronology(pseudonym, request.page(), caller);
    }
}
