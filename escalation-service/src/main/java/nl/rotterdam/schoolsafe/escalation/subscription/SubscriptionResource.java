package nl.rotterdam.schoolsafe.escalation.subscription;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Subscriptions",
        description = "Webhooks for partner systems without Kafka (abonnementen, as in the Notificaties API), "
                + "signed as Standard Webhooks, carrying what your stream partner.<partnerId>.events carries")
public class SubscriptionResource {
    private final SubscriptionService subscriptions;
    private final Caller caller;

    SubscriptionResource(SubscriptionService subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @Schema(name = "SubscriptionRequest")
    public record SubscriptionRequest(
            @Schema(example = "https://integratie.politie.example/schoolsafe/webhook") @NotNull @Size(max = 2000)
            String callbackUrl,

            @NotEmpty @Size(max = 4) List<@NotNull PartnerEventType> eventTypes) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(
            summary = "Subscribe your system to events of your stream",
            description =
                    "The callback must be https on a public address; it is checked now and before every delivery. "
                            + "The answer carries the signing secret, once.")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; keep the secret",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public RestResponse<SubscriptionView> subscribe(@Valid @NotNull SubscriptionRequest request, UriInfo uri) {
        SubscriptionView created = subscriptions.register(request.callbackUrl(), request.eventTypes(), caller);
        return Created.below(uri, created.id(), created);
    }

    @GET
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(
            summary = "Your subscriptions, with their status",
            description = "All in one list: a partner has at most " + SubscriptionService.MOST_PER_PARTNER
                    + " (a 21st is refused with 409).")
    public List<SubscriptionView> listSubscriptions() {
        return subscriptions.mine(caller);
    }

    @GET
    @Path("/{subscriptionId}")
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(summary = "One of your subscriptions", description = "Failing, it says why.")
    public SubscriptionView getSubscription(@PathParam("subscriptionId") UUID subscriptionId) {
        return subscriptions
                .read(subscriptionId, caller)
                .orElseThrow(() -> ProblemException.notFound("subscription " + subscriptionId));
    }

    @POST
    @Path("/{subscriptionId}/secret-rotation")
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(
            summary = "Rotate the signing secret",
            description = "The answer carries the new secret, once. Until previousSecretValidUntil every delivery is "
                    + "signed with both, so your receiver can switch without missing one.")
    public SubscriptionView rotateSecret(@PathParam("subscriptionId") UUID subscriptionId) {
        return subscriptions.rotateSecret(subscriptionId, caller);
    }

    @GET
    @Path("/{subscriptionId}/deliveries")
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(
            summary = "The newest 100 deliveries: status, attempts and your receiver's last answer",
            description = "A window of at most 100, newest first; older deliveries stay delivered but are not listed.")
    public List<DeliveryView> listDeliveries(@PathParam("subscriptionId") UUID subscriptionId) {
        return subscriptions
                .deliveries(subscriptionId, caller)
                .orElseThrow(() -> ProblemException.notFound("subscription " + subscriptionId));
    }

    @POST
    @Path("/{subscriptionId}/deliveries/{deliveryId}/redelivery")
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(
            summary = "Ask for a delivery again",
            description = "Queued once more with the same webhook-id, so a receiver that dedups by it sees no double.")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public RestResponse<DeliveryView> redeliver(
            @PathParam("subscriptionId") UUID subscriptionId, @PathParam("deliveryId") UUID deliveryId) {
        return RestResponse.accepted(subscriptions.redeliver(subscriptionId, deliveryId, caller));
    }
}
