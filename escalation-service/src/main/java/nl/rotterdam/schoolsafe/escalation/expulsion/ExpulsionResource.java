package nl.rotterdam.schoolsafe.escalation.expulsion;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/expulsions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Expulsion follow-up",
        description = "The municipality's worklist of expulsions (verwijderingen) and the signal of a location that"
                + " expels often (council answer 26)")
public class ExpulsionResource {
    private final ExpulsionWorklist worklist;
    private final Caller caller;

    ExpulsionResource(ExpulsionWorklist worklist, Caller caller) {
        this.worklist = worklist;
        this.caller = caller;
    }

    @Schema(name = "ExpulsionCheckRequest", description = "The compulsory-education officer's findings")
    public record CheckRequest(
            @Schema(description = "The parents were fully informed and could object") @NotNull
            Boolean parentsFullyInformed,

            @Schema(description = "The school was reminded of its duty of care: interim education, another school")
            @NotNull
            Boolean schoolRemindedOfDutyOfCare,

            @Schema(description = "The day the officer spoke with the parents, if they did", example = "2026-11-30")
            LocalDate parentsSpokenToOn) {}

    @GET
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.COMPULSORY_EDUCATION_OFFICER})
    @Operation(
            summary = "Every expulsion the schools announced, newest decision first",
            description = "With what each school recorded since (right to object, objection, interim education, new"
                    + " school) and whether it was checked off. Each item shown is written to the processing log.")
    public Page<ExpulsionView> listExpulsions(@Valid @BeanParam ExpulsionFilter filter) {
        return worklist.list(filter);
    }

    @GET
    @Path("/{measureId}")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.COMPULSORY_EDUCATION_OFFICER})
    @Operation(summary = "One expulsion on the worklist", description = "With its ETag, for the check-off's If-Match.")
    public RestResponse<ExpulsionView> getExpulsion(@PathParam("measureId") UUID measureId) {
        return worklist.read(measureId)
                .orElseThrow(() -> ProblemException.notFound("expulsion " + measureId))
                .ok();
    }

    @POST
    @Path("/{measureId}/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.COMPULSORY_EDUCATION_OFFICER)
    @Operation(
            summary = "Check an expulsion off the worklist",
            description = "Once (409 after); parentsFullyInformed may be true only once the school recorded telling the"
                    + " parents of their right to object. Send If-Match (428 without, 412 when stale).")
    public RestResponse<ExpulsionView> checkExpulsion(
            @PathParam("measureId") UUID measureId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @Valid @NotNull CheckRequest request) {
        return worklist.checkOff(
                        measureId,
                        ifMatch,
                        new ExpulsionFollowUp.Check(
                                request.parentsFullyInformed(),
                                request.schoolRemindedOfDutyOfCare(),
                                request.parentsSpokenToOn()),
                        caller)
                .ok();
    }

    @GET
    @Path("/signals")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.COMPULSORY_EDUCATION_OFFICER})
    @Operation(
            summary = "Locations that reached the configured number of expulsions within the window, newest first",
            description = "A worrying signal the municipality looks into; raised once per window per location.")
    public Page<ExpulsionSignal.View> listExpulsionSignals(@Valid @BeanParam PageRequest page) {
        return worklist.signals(page);
    }
}
