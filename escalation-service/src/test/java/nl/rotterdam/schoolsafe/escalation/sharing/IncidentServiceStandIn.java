package nl.rotterdam.schoolsafe.escalation.sharing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The incident-service's summary endpoint as this service's tests need it: same path and role,
 * verified by the same token check. The real pair is exercised by the gateway's system test.
 */
@Path("/internal/v1/shareable-summaries")
public class IncidentServiceStandIn {
    static final Map<java.util.UUID, String> SUMMARIES = new ConcurrentHashMap<>();
    static final List<String> ASKED = new CopyOnWriteArrayList<>();
    static volatile boolean down;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("SERVICE")
    @Operation(hidden = true)
    public List<IncidentSummaries.Shared> share(IncidentSummaries.Request request) {
        if (down) {
            throw new WebApplicationException(503);
        }
        ASKED.add(caller.subject() + " for " + request.recipient() + " " + request.reader());
        return request.incidentIds().stream()
                .filter(SUMMARIES::containsKey)
                .map(id -> new IncidentSummaries.Shared(id, SUMMARIES.get(id)))
                .toList();
    }
}
