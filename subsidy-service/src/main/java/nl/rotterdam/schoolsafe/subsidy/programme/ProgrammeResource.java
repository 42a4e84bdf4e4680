package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
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

@Path("/api/v1/subsidies/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subsidy programmes",
        description = "Programmes (regelingen), their pots per sector and the ledger (grootboek)")
public class ProgrammeResource {
    private final ProgrammeService programmes;
    private final Caller caller;

    ProgrammeResource(ProgrammeService programmes, Caller caller) {
        this.programmes = programmes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Start a programme with its pots",
            description = "Each pot is funded by a first ledger entry. Send an Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "Started (or the first answer replayed)",
            content = @Content(schema = @Schema(implementation = ProgrammeView.class)))
    public RestResponse<ProgrammeView> startProgramme(
            @Valid @NotNull ProgrammeRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Unique per intended programme")
                    String idempotencyKey,
            UriInfo uri) {
        return programmes.start(request, idempotencyKey, caller).response(uri);
    }

    @GET
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.BOARD, Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "List programmes with what remains in each pot",
            description = "Newest first; paged with the cursor.")
    public Page<ProgrammeView> listProgrammes(
            @QueryParam("schoolYear")
                    @Parameter(description = "Only this school year", example = "2026-2027")
                    @Pattern(regexp = "[0-9]{4}-[0-9]{4}", message = "must be a school year such as 2026-2027")
                    String schoolYear,
            @Valid @BeanParam PageRequest page) {
        return programmes.list(schoolYear, page);
    }

    @GET
    @Path("/{programmeId}")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.BOARD, Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Read one programme",
            description = "With what remains in each pot (neither reserved nor granted).")
    public ProgrammeView getProgramme(@PathParam("programmeId") UUID programmeId) {
        return programmes.find(programmeId).orElseThrow(() -> ProblemException.notFound("programme " + programmeId));
    }

    @GET
    @Path("/{programmeId}/ledger")
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Every ledger entry of the programme's pots, oldest first",
            description =
                    "The entries of a pot add up to its balance at any moment; they are never changed or deleted. "
                            + "Paged with the cursor.")
    public Page<LedgerEntryView> getLedger(
            @PathParam("programmeId") UUID programmeId, @Valid @BeanParam PageRequest page) {
        programmes.find(programmeId).orElseThrow(() -> ProblemException.notFound("programme " + programmeId));
        return programmes.ledger(programmeId, page);
    }
}
