package nl.rotterdam.schoolsafe.knowledge.vos;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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

@Path("/api/v1/vos")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "VOS", description = "Veilig Op School (VOS, measure 6): certificate status and audits per school location")
public class VosResource {
    private static final String LOCATION = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}";
    private static final String LOCATION_MESSAGE = "must be a school location id such as 30BR01";
    private final VosService vos;
    private final Caller caller;

    VosResource(VosService vos, Caller caller) {
        this.vos = vos;
        this.caller = caller;
    }

    @GET
    @Path("/school-locations/{schoolLocationId}")
    @RolesAllowed({
        Role.Names.MUNICIPALITY,
        Role.Names.ADMIN,
        Role.Names.SCHOOL_STAFF,
        Role.Names.SAFETY_COORDINATOR,
        Role.Names.BOARD
    })
    @Operation(
            summary = "A school location's VOS status",
            description =
                    "The municipality and admin: any location. Staff and coordinators: their own locations; a board: its locations.")
    @APIResponse(
            responseCode = "200",
            description = "The status",
            content = @Content(schema = @Schema(implementation = VosView.class)))
    public RestResponse<VosView> getVosStatus(
            @PathParam("schoolLocationId")
                    @Pattern(regexp = LOCATION, message = LOCATION_MESSAGE)
                    @Parameter(description = "School location (vestiging)", example = "30BR01")
                    String schoolLocationId) {
        return vos.read(schoolLocationId, caller)
                .orElseThrow(() -> ProblemException.notFound("VOS status of " + schoolLocationId))
                .ok();
    }

    @PUT
    @Path("/school-locations/{schoolLocationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ADMIN})
    @Operation(
            summary = "Record a school location's VOS status",
            description =
                    "For the municipality (or admin). The first record needs no If-Match; every later change needs the ETag read (412 if stale, 428 if missing).")
    @APIResponse(
            responseCode = "200",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = VosView.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<VosView> recordVosStatus(
            @PathParam("schoolLocationId")
                    @Pattern(regexp = LOCATION, message = LOCATION_MESSAGE)
                    @Parameter(description = "School location (vestiging)", example = "30BR01")
                    String schoolLocationId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @Valid @NotNull VosRequest request) {
        return vos.record(schoolLocationId, ifMatch, request, caller).ok();
    }

    @GET
    @Path("/audits-due")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ADMIN})
    @Operation(
            summary = "VOS audits due soon",
            description =
                    "For the municipality's education account managers: locations whose next audit falls within the coming days "
                            + "(default 90), overdue ones included, soonest first. In one list: one a school location.")
    public List<VosView> listAuditsDue(
            @QueryParam("withinDays")
                    @DefaultValue("90")
                    @Min(0)
                    @Max(730)
                    @Parameter(description = "Days ahead, 0 to 730")
                    int withinDays) {
        return vos.auditsDue(withinDays);
    }
}
