package nl.rotterdam.schoolsafe.knowledge.recommendation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Recommendations",
        description =
                "Explained recommendations (aanbevelingen) of the safety offer from a school location's incident trend")
public class RecommendationResource {
    private final RecommendationService recommendations;
    private final Caller caller;

    RecommendationResource(RecommendationService recommendations, Caller caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @GET
    @Path("/school-locations/{schoolLocationId}")
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(
            summary = "Recommendations for one of your school locations",
            description =
                    "Each rule (data, not code) that fires on the location's incident counts of the recent months against the months "
                            + "before, with the figures that triggered it and the offerings it points to. Only for the location's own staff and its "
                            + "board; any other location is a 404. In one list: at most one a rule.")
    public List<RecommendationView> recommendForSchoolLocation(
            @PathParam("schoolLocationId")
                    @Pattern(
                            regexp = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}",
                            message = "must be a school location id such as 30BR01")
                    @Parameter(description = "School location (vestiging)", example = "30BR01")
                    String schoolLocationId) {
        return recommendations.forLocation(schoolLocationId, caller);
    }
}
