package nl.rotterdam.schoolsafe.escalation.sharing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The incident-service's service-only endpoint that hands out shareable summaries. */
@RegisterRestClient(configKey = "incident-service")
@Path("/internal/v1/shareable-summaries")
public interface IncidentSummaries {

    record Request(List<UUID> incidentIds, String recipient, String reader, String purpose) {}

    record Shared(UUID incidentId, String summary) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    List<Shared> share(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, Request request);
}
