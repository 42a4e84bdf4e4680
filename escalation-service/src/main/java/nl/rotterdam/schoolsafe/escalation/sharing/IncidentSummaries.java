package nl.rotterdam.schoolsafe.escalation.sharing;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The incident-service's service-only endpoint that hands out shareable summaries, called with this service's own
 * token from the identity provider (client credentials, renewed before it expires).
 */
@RegisterRestClient(configKey = "incident-service")
@OidcClientFilter
@Path("/internal/v1/shareable-summaries")
public interface IncidentSummaries {

    record Request(List<UUID> incidentIds, String recipient, String reader, String purpose) {}

    record Shared(UUID incidentId, String summary) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    List<Shared> share(Request request);
}
