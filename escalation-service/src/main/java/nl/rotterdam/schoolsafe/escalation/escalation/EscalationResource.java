package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalations", description = "Cross-school cases for the district's safety expert (expert wijkveiligheid)")
public class EscalationResource {
    private final EscalationService escalations;
    private final Caller caller;

    EscalationResource(EscalationService escalations, Caller caller) {
        this.escalations = escalations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Role.Names.SAFETY_EXPERT)
    @Operation(summary = "The open cases of your district, most urgent first")
    public List<EscalationView> queue() {
        return escalations.queue(caller).stream().map(EscalationView::of).toList();
    }

    @GET
    @Path("/{escalationId}")
    @RolesAllowed(Role.Names.SAFETY_EXPERT)
    @Operation(summary = "Read one case of your district")
    public EscalationView get(@PathParam("escalationId") UUID escalationId) {
        return escalations.find(escalationId, caller).map(EscalationView::of)
                .orElseThrow(() -> ProblemException.notFound("escalation " + escalationId));
    }
}
