package nl.rotterdam.schoolsafe.knowledge.catalog;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/catalog/offerings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Catalog",
        description = "The city's and national safety offer by theme (aanbod sociale veiligheid, measure 8)")
public class CatalogResource {
    private final CatalogService catalog;
    private final Caller caller;

    CatalogResource(CatalogService catalog, Caller caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "Search the safety offer",
            description =
                    "Dutch full-text search (stemmed, accents and case ignored; \"pesten\" also finds \"gepest\"), ranked by relevance, "
                            + "with filters for theme, audience, sector and evidence level. Without q: by title. Cursor-paginated. "
                            + "Search words longer than 200 characters are refused with a 400, not cut.")
    public Page<OfferingView> listOfferings(@Valid @BeanParam CatalogFilter filter) {
        return catalog.list(filter);
    }

    @GET
    @Path("/{offeringId}")
    @Authenticated
    @Operation(
            summary = "Read one offering",
            description = "The ETag is the version to send in If-Match when changing it.")
    @APIResponse(
            responseCode = "200",
            description = "The offering",
            content = @Content(schema = @Schema(implementation = OfferingView.class)))
    public RestResponse<OfferingView> getOffering(@PathParam("offeringId") UUID offeringId) {
        return catalog.read(offeringId)
                .orElseThrow(() -> ProblemException.notFound("offering " + offeringId))
                .ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Add an offering to the catalog",
            description = "For the municipality. Send an Idempotency-Key so a retry creates nothing twice.")
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(schema = @Schema(implementation = OfferingView.class)))
    @APIResponse(responseCode = "409", description = "The code is already in use")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public RestResponse<OfferingView> createOffering(
            @Valid @NotNull OfferingRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Unique per intended offering")
                    String idempotencyKey,
            UriInfo uri) {
        return catalog.create(request, idempotencyKey, caller).response(uri);
    }

    @PUT
    @Path("/{offeringId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Change an offering",
            description = "For the municipality. Requires If-Match with the ETag you read; a stale one gets 412.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = OfferingView.class)))
    @APIResponse(responseCode = "412", description = "Changed by someone else since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<OfferingView> reviseOffering(
            @PathParam("offeringId") UUID offeringId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @Valid @NotNull OfferingRequest request) {
        return catalog.revise(offeringId, ifMatch, request, caller).ok();
    }
}
