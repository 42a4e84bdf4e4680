package nl.rotterdam.schoolsafe.incident.policereport;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.rotterdam.schoolsafe.incident.incident.InvolvementRoute;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents/involvement-routes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Police report")
public class RouteResource {
    private final PoliceReportService policeReports;

    RouteResource(PoliceReportService policeReports) {
        this.policeReports = policeReports;
    }

    @Schema(name = "InvolvementRoute", description = "A route other than a police report (HALT referral, mediation, …)")
    public record RouteView(
            @Schema(required = true, pattern = InvolvementRoute.PATTERN, example = "HALT_REFERRAL")
            String code,

            @Schema(required = true, example = "HALT referral (Bureau HALT)")
            String name) {}

    @GET
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(
            summary = "List the routes other than a police report",
            description = "The routes a school may agree with the police or enforcement instead of a police report,"
                    + " kept as data; at most " + Route.MAX_ROUTES + ", by code.")
    @APIResponse(
            responseCode = "200",
            description = "The routes",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = RouteView.class,
                                            maxItems = Route.MAX_ROUTES)))
    public List<RouteView> listInvolvementRoutes() {
        return policeReports.routes().stream()
                .map(r -> new RouteView(r.code, r.name))
                .toList();
    }
}
