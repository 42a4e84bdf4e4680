package nl.rotterdam.schoolsafe.subsidy.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.security.Role;
import nl.rotterdam.schoolsafe.platform.validation.EnumValue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/subsidies/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subsidy reports",
        description = "Remaining per pot, spending, decision counts and the 360Giving export (verantwoording)")
public class ReportResource {
    private static final String YEAR = "[0-9]{4}-[0-9]{4}";
    private static final String CSV = "text/csv";
    private static final List<Variant> FILE_TYPES = Variant.mediaTypes(
                    MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(CSV))
            .build();
    private static final String YEAR_MESSAGE = "must be a school year such as 2026-2027";
    private final ReportService reports;

    ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/pots")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.BOARD})
    @Operation(
            summary = "What remains, is reserved, granted and returned per pot of a school year",
            description = "One line a pot of the year's programmes, in one list; a programme holds one pot per sector.")
    public List<Reports.PotReport> reportPots(
            @QueryParam("schoolYear")
                    @Parameter(example = "2026-2027")
                    @NotNull
                    @Pattern(regexp = YEAR, message = YEAR_MESSAGE)
                    String schoolYear) {
        return reports.pots(schoolYear);
    }

    @GET
    @Path("/spending")
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Granted and settled amounts per category, theme, board or location",
            description = "One line a group: at most the five categories, two themes, or the register's boards or "
                    + "locations (at most 1,000 each).")
    public List<Reports.SpendingLine> reportSpending(
            @QueryParam("schoolYear")
                    @Parameter(example = "2026-2027")
                    @NotNull
                    @Pattern(regexp = YEAR, message = YEAR_MESSAGE)
                    String schoolYear,
            @QueryParam("groupBy")
                    @Parameter(description = "CATEGORY, THEME, BOARD or LOCATION")
                    @NotNull
                    @EnumValue(of = ReportService.GroupBy.class)
                    String groupBy) {
        return reports.spending(schoolYear, ReportService.GroupBy.valueOf(groupBy));
    }

    @GET
    @Path("/decisions")
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Approved, partly approved, rejected and undecided applications of a school year",
            description = "For the municipality: counts per outcome for the school year's programmes.")
    public Reports.DecisionCounts reportDecisions(
            @QueryParam("schoolYear")
                    @Parameter(example = "2026-2027")
                    @NotNull
                    @Pattern(regexp = YEAR, message = YEAR_MESSAGE)
                    String schoolYear) {
        return reports.decisions(schoolYear);
    }

    @GET
    @Path("/grants-360giving")
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Granted subsidies in the 360Giving data standard's fields",
            description = "Amounts in euros; awarded and disbursed are read from the ledger (disbursed once settled). "
                    + "In order of decision; paged with the cursor.")
    public Page<Giving360.Grant> exportGrants360Giving(
            @QueryParam("schoolYear")
                    @Parameter(example = "2026-2027")
                    @NotNull
                    @Pattern(regexp = YEAR, message = YEAR_MESSAGE)
                    String schoolYear,
            @Valid @BeanParam PageRequest page) {
        return reports.grants(schoolYear, page);
    }

    @GET
    @Path("/grants-360giving/export")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "A school year's grants as a 360Giving file, JSON or CSV",
            description = "The whole year in one answer (at most 10,000 grants, else 409): with Accept application/json"
                    + " a 360Giving data package ({\"grants\": [...]}), with Accept text/csv the standard's spreadsheet"
                    + " columns under a header line, ready for 360Giving's data quality tool.")
    @APIResponse(
            responseCode = "200",
            description = "The grants",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = Giving360.Package.class)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, maxLength = 20_000_000))
            })
    public Response exportGrants360GivingFile(
            @QueryParam("schoolYear")
                    @Parameter(example = "2026-2027")
                    @NotNull
                    @Pattern(regexp = YEAR, message = YEAR_MESSAGE)
                    String schoolYear,
            @Context Request request) {
        Variant chosen = request.selectVariant(FILE_TYPES);
        boolean csv = chosen != null && chosen.getMediaType().isCompatible(MediaType.valueOf(CSV));
        if (csv) {
            return Response.ok(reports.exportCsv(schoolYear), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"grants-360giving-" + schoolYear + ".csv\"")
                    .build();
        }
        return Response.ok(reports.export(schoolYear), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"grants-360giving-" + schoolYear + ".json\"")
                .build();
    }
}
