package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "A school's incident register (meldingen)")
public class IncidentResource {
    private final IncidentService incidents;
    private final Caller caller;

    IncidentResource(IncidentService incidents, Caller caller) {
        this.incidents = incidents;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(summary = "Register an incident", description = "Stores the incident with student pseudonyms and publishes incident.reported.")
    public Response register(@Valid @NotNull IncidentRequest request, UriInfo uri) {
        Incident incident = incidents.register(request, caller);
        return Response.created(uri.getAbsolutePathBuilder().path(incident.id.toString()).build())
                .entity(IncidentView.of(incident)).build();
    }

    @GET
    @Path("/{incidentId}")
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(summary = "Read one incident of your own school locations")
    public IncidentView get(@PathParam("incidentId") UUID incidentId) {
        return incidents.find(incidentId, caller).map(IncidentView::of)
                .orElseThrow(() -> ProblemException.notFound("incident " + incidentId));
    }
}
