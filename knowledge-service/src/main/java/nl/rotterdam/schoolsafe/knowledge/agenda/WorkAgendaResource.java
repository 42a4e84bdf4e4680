package nl.rotterdam.schoolsafe.knowledge.agenda;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import java.util.Optional;
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

@Path("/api/v1/work-agenda/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Work agenda",
        description =
                "The action plan's measures per school year with status and progress (werkagenda, covenant monitoring)")
public class WorkAgendaResource {
    private static final String YEAR = "[0-9]{4}-[0-9]{4}";
    private static final String YEAR_MESSAGE = "must be a school year such as 2025-2026";
    private final WorkAgendaService agenda;
    private final Caller caller;

    WorkAgendaResource(WorkAgendaService agenda, Caller caller) {
        this.agenda = agenda;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "The measures of the work agenda",
            description =
                    "All 15 measures with the school years in which each runs; with schoolYear, only the measures running in that year.")
    public List<AgendaViews.MeasureView> listAgendaMeasures(
            @QueryParam("schoolYear")
                    @Pattern(regexp = YEAR, message = YEAR_MESSAGE)
                    @Parameter(description = "School year (schooljaar)", example = "2025-2026")
                    String schoolYear) {
        return agenda.measures(Optional.ofNullable(schoolYear).map(y -> SchoolYear.parse("schoolYear", y)));
    }

    @GET
    @Path("/{measureNumber}")
    @Authenticated
    @Operation(
            summary = "One measure with all its school years",
            description = "The measure of the action plan with its status and progress notes per school year.")
    @APIResponse(
            responseCode = "200",
            description = "The measure",
            content = @Content(schema = @Schema(implementation = AgendaViews.MeasureView.class)))
    public AgendaViews.MeasureView getAgendaMeasure(
            @PathParam("measureNumber")
                    @Min(1)
                    @Max(15)
                    @Parameter(description = "Measure number (maatregelnummer), 1 to 15", example = "12")
                    int measureNumber) {
        return agenda.measure(measureNumber).orElseThrow(() -> ProblemException.notFound("measure " + measureNumber));
    }

    @PUT
    @Path("/{measureNumber}/school-years/{schoolYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Record a measure's status and progress in a school year",
            description =
                    "For the municipality. A school year not on the agenda yet is added (no If-Match); a known one needs the ETag "
                            + "of the year (from this answer), 412 if stale, 428 if missing.")
    @APIResponse(
            responseCode = "200",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = AgendaViews.EntryView.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<AgendaViews.EntryView> reportAgendaProgress(
            @PathParam("measureNumber")
                    @Min(1)
                    @Max(15)
                    @Parameter(description = "Measure number (maatregelnummer), 1 to 15", example = "12")
                    int measureNumber,
            @PathParam("schoolYear")
                    @Pattern(regexp = YEAR, message = YEAR_MESSAGE)
                    @Parameter(description = "School year (schooljaar)", example = "2025-2026")
                    String schoolYear,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @Valid @NotNull AgendaViews.EntryRequest request) {
        return agenda.report(measureNumber, SchoolYear.parse("schoolYear", schoolYear), ifMatch, request, caller)
                .ok();
    }
}
