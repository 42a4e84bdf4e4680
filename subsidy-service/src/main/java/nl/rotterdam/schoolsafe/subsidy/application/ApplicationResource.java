package nl.rotterdam.schoolsafe.subsidy.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import nl.rotterdam.schoolsafe.platform.validation.EnumValue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/subsidies/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subsidy applications",
        description = "Applications (aanvragen), decisions (besluiten) and settlements (vaststellingen)")
public class ApplicationResource {
    private final ApplicationService applications;
    private final Caller caller;

    ApplicationResource(ApplicationService applications, Caller caller) {
        this.applications = applications;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.BOARD)
    @Operation(
            summary = "Apply for one of your board's locations",
            description =
                    "The category must belong to the theme. Publishes subsidy.application-submitted. Send an Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "Submitted (or the first answer replayed)",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    public RestResponse<ApplicationView> submitApplication(
            @Valid @NotNull ApplicationRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Unique per intended application")
                    String idempotencyKey,
            UriInfo uri) {
        return applications.submit(request, idempotencyKey, caller).response(uri);
    }

    @GET
    @RolesAllowed({Role.Names.BOARD, Role.Names.MUNICIPALITY, Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "List the applications you may see",
            description =
                    "A board: its own. The municipality: all. A school: its locations' grants. Newest first, cursor-paginated.")
    public Page<ApplicationView> listApplications(
            @QueryParam("programmeId") UUID programmeId,
            @QueryParam("status")
                    @Parameter(
                            description = "Only this status",
                            schema = @Schema(implementation = ApplicationStatus.class))
                    @EnumValue(of = ApplicationStatus.class)
                    String status,
            @Valid @BeanParam PageRequest page) {
        return applications.list(
                programmeId,
                status == null ? null : ApplicationStatus.valueOf(status),
                page.cursor,
                page.limit,
                caller);
    }

    @GET
    @Path("/{applicationId}")
    @RolesAllowed({Role.Names.BOARD, Role.Names.MUNICIPALITY, Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Read one application",
            description =
                    "A board its own, the municipality all, a school its locations' grants; the answer carries the ETag for the decision and settlement.")
    public RestResponse<ApplicationView> getApplication(@PathParam("applicationId") UUID applicationId) {
        return applications
                .read(applicationId, caller)
                .orElseThrow(() -> ProblemException.notFound("application " + applicationId))
                .ok();
    }

    @POST
    @Path("/{applicationId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Grant in full or in part, or reject",
            description =
                    "A grant above the programme's four-eyes amount waits for a second officer. A grant the pot cannot cover is a "
                            + "409 problem. Send If-Match to decide on what you read (412 otherwise). Publishes subsidy.application-decided.")
    public RestResponse<ApplicationView> decideApplication(
            @PathParam("applicationId") UUID applicationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DecisionRequest request) {
        return applications.decide(applicationId, ifMatch, request, caller).ok();
    }

    @POST
    @Path("/{applicationId}/second-approval")
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Confirm a large grant as the second officer",
            description = "The officer who proposed it cannot confirm it (409).")
    public RestResponse<ApplicationView> giveSecondApproval(
            @PathParam("applicationId") UUID applicationId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return applications.confirm(applicationId, ifMatch, caller).ok();
    }

    @POST
    @Path("/{applicationId}/settlement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Settle a grant",
            description = "At most the granted amount; the difference returns to the pot.")
    public RestResponse<ApplicationView> settleApplication(
            @PathParam("applicationId") UUID applicationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SettlementRequest request) {
        return applications.settle(applicationId, ifMatch, request, caller).ok();
    }
}
