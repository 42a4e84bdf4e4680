package nl.rotterdam.schoolsafe.subsidy.allocation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
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

@Path("/api/v1/subsidies/allocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subsidy allocations", description = "The boards' joint urgency round and the formula method (verdeling)")
public class AllocationResource {
    private final AllocationService allocations;
    private final Caller caller;

    AllocationResource(AllocationService allocations, Caller caller) {
        this.allocations = allocations;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Start dividing a pot",
            description =
                    "An urgency-round programme opens a round for the boards' rankings; a formula programme is computed at once "
                            + "from the register, with every input stored. Send an Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "Begun (or the first answer replayed)",
            content = @Content(schema = @Schema(implementation = AllocationView.class)))
    public RestResponse<AllocationView> beginAllocation(
            @Valid @NotNull AllocationRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Unique per intended allocation")
                    String idempotencyKey,
            UriInfo uri) {
        return allocations.begin(request, idempotencyKey, caller).response(uri);
    }

    @GET
    @Path("/{allocationId}")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.BOARD})
    @Operation(
            summary = "Read an allocation with its formula, rankings and each location's inputs",
            description =
                    "The municipality and the boards of the round; every input of the proposal is shown so a board can recompute its share.")
    public AllocationView getAllocation(@PathParam("allocationId") UUID allocationId) {
        return allocations
                .read(allocationId, caller)
                .orElseThrow(() -> ProblemException.notFound("allocation " + allocationId));
    }

    @PUT
    @Path("/{allocationId}/ranking")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.BOARD)
    @Operation(
            summary = "Submit your board's ranking of its locations, most urgent first",
            description = "Replaces your earlier ranking.")
    public AllocationView rankAllocation(
            @PathParam("allocationId") UUID allocationId, @Valid @NotNull RankingRequest request) {
        return allocations.rank(allocationId, request, caller);
    }

    @POST
    @Path("/{allocationId}/proposal")
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Compute the proposal from the rankings and incident trends (or the formula) as of now",
            description =
                    "The municipality; computed again on each call until confirmed. Never proposes more than the pot holds.")
    public AllocationView proposeAllocation(@PathParam("allocationId") UUID allocationId) {
        return allocations.propose(allocationId, caller);
    }

    @Schema(name = "AllocationAgreementRequest", description = "Your board's answer to the round's joint list")
    public record AgreementRequest(
            @Schema(description = "true to agree, false to object") @NotNull
            Boolean agree,

            @Schema(description = "Why you object; required to object", example = "Our second location saw a rise too")
            @Size(max = 1000)
            String reason) {}

    @PUT
    @Path("/{allocationId}/agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.BOARD)
    @Operation(
            summary = "Agree to the round's joint list, or object with a reason",
            description = "Only a board with a location on the proposal; replaces your earlier answer. A new proposal"
                    + " asks every board again; the municipality confirms only a list every board agreed to.")
    public AllocationView answerAllocation(
            @PathParam("allocationId") UUID allocationId, @Valid @NotNull AgreementRequest request) {
        return allocations.answer(allocationId, request.agree(), request.reason(), caller);
    }

    @POST
    @Path("/{allocationId}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Confirm the proposal, optionally adjusted",
            description =
                    "Each amount becomes a reservation on the pot; applications for the location draw on it. The pot must cover "
                            + "the total (409 otherwise); an urgency round's list only once every board on it agreed"
                            + " (409 list-not-agreed, naming who objected and who has not answered).")
    public AllocationView confirmAllocation(
            @PathParam("allocationId") UUID allocationId, @Valid ConfirmationRequest request) {
        return allocations.confirm(allocationId, request, caller);
    }
}
