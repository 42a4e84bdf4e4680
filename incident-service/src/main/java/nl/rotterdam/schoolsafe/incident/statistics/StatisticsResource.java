package nl.rotterdam.schoolsafe.incident.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "k-anonymous incident figures for the municipality (geaggregeerde cijfers)")
public class StatisticsResource {
    private static final int MAX_DIMENSIONS = 2;
    private final StatisticsService statistics;

    StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Schema(
            name = "StatisticsTable",
            description = "Counts per group for one calendar year. Cells under minimumCellSize are suppressed, "
                    + "and so are complementary cells, so that no small count can be recovered by subtraction.")
    public record TableView(
            int year,
            StatisticsService.Measure measure,
            List<String> groupBy,
            int minimumCellSize,
            List<CellView> cells,

            @Schema(description = "Sum of the published cells only")
            long publishedTotal,

            int suppressedCells) {}

    @Schema(name = "StatisticsCell")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellView(
            @Schema(description = "The group's value per dimension, e.g. {\"district\": \"delfshaven\"}")
            Map<String, String> group,

            @Schema(description = "Absent when suppressed") Long count,
            boolean suppressed) {}

    @GET
    @Path("/incidents")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ADMIN})
    @Operation(
            summary = "Incidents per group (district, sector, category, month, policeReportStatus)",
            description =
                    "For the municipality: counts of one calendar year, grouped by at most two of district, sector, category, month and policeReportStatus. Cells under the minimum size, and the cells that would reveal them, are suppressed.")
    public TableView incidentStatistics(
            @QueryParam("year")
                    @NotNull
                    @Min(2000)
                    @Max(2100)
                    @Parameter(description = "Calendar year", example = "2026")
                    Integer year,
            @QueryParam("groupBy")
                    @Parameter(description = "One or two of district, sector, category, month, policeReportStatus")
                    List<String> groupBy) {
        return view(statistics.count(StatisticsService.Measure.INCIDENTS, year, dimensions(groupBy)));
    }

    @GET
    @Path("/expulsions")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.ADMIN})
    @Operation(
            summary = "Expulsions per group (district, sector, category, month)",
            description =
                    "For the municipality: counts of one calendar year, grouped by at most two of district, sector, category and month. Cells under the minimum size, and the cells that would reveal them, are suppressed.")
    public TableView expulsionStatistics(
            @QueryParam("year")
                    @NotNull
                    @Min(2000)
                    @Max(2100)
                    @Parameter(description = "Calendar year", example = "2026")
                    Integer year,
            @QueryParam("groupBy") @Parameter(description = "One or two of district, sector, category, month")
                    List<String> groupBy) {
        return view(statistics.count(StatisticsService.Measure.EXPULSIONS, year, dimensions(groupBy)));
    }

    private static List<Dimension> dimensions(List<String> groupBy) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Dimension> dimensions = new ArrayList<>();
        if (groupBy == null || groupBy.isEmpty()) {
            errors.add(new Problem.FieldError("groupBy", "name one or two dimensions"));
        } else {
            if (groupBy.size() > MAX_DIMENSIONS) {
                errors.add(new Problem.FieldError("groupBy", "at most " + MAX_DIMENSIONS + " dimensions"));
            }
            for (String value : groupBy) {
                Dimension.ofParameter(value)
                        .ifPresentOrElse(
                                d -> {
                                    if (dimensions.contains(d)) {
                                        errors.add(new Problem.FieldError("groupBy", value + " is named twice"));
                                    }
                                    dimensions.add(d);
                                },
                                () -> errors.add(
                                        new Problem.FieldError(
                                                "groupBy",
                                                value
                                                        + " is not one of district, sector, category, month, policeReportStatus")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return dimensions;
    }

    private static TableView view(StatisticsService.Table table) {
        List<CellView> cells = table.cells().stream()
                .map(c -> {
                    Map<String, String> group = new LinkedHashMap<>();
                    c.keys().forEach((d, v) -> group.put(d.parameter(), v));
                    return new CellView(group, c.suppressed() ? null : c.count(), c.suppressed());
                })
                .toList();
        long total = table.cells().stream()
                .filter(c -> !c.suppressed())
                .mapToLong(SmallCellSuppression.Cell::count)
                .sum();
        int suppressed = (int) table.cells().stream()
                .filter(SmallCellSuppression.Cell::suppressed)
                .count();
        return new TableView(
                table.year(),
                table.measure(),
                table.groupBy().stream().map(Dimension::parameter).toList(),
                table.minimumCellSize(),
                cells,
                total,
                suppressed);
    }
}
