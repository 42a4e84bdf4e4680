package nl.rotterdam.schoolsafe.incident.sharing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Service-to-service only: not routed by the gateway and not in the published API. Incidents
 * without a summary, and drafts, are left out of the answer.
 */
@Path("/internal/v1/shareable-summaries")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {
    private final SummaryService summaries;

    SummaryResource(SummaryService summaries) {
        this.summaries = summaries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SERVICE)
    @Operation(hidden = true)
    public List<SharedSummary> share(@Valid @NotNull SummaryRequest request) {
        return summaries.share(request);
    }
}
