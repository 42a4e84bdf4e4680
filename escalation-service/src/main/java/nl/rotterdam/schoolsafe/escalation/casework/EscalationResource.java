package nl.rotterdam.schoolsafe.escalation.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.escalation.Priority;
import nl.rotterdam.schoolsafe.platform.event.CaseView;
import nl.rotterdam.schoolsafe.platform.http.Created;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Escalations",
        description = "Cross-school cases for the district's safety expert (expert wijkveiligheid) and partners")
public class EscalationResource {
    private final CaseWork work;
    private final CaseQueue cases;
    private final Caller caller;

    EscalationResource(CaseWork work, CaseQueue cases, Caller caller) {
        this.work = work;
        this.cases = cases;
        this.caller = caller;
    }

    @Schema(name = "EngagementRequest", description = "Engage a partner organisation of the register on a case.")
    public record EngagementRequest(
            @Schema(example = "police")
            @NotBlank
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be a partner id")
            String partnerId,

            @NotNull Engagement.Purpose purpose) {}

    @POST
    @Path("/{escalationId}/engagements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_EXPERT)
    @Operation(
            summary = "Engage a partner on a triaged case",
            description =
                    "Publishes partner.engaged on the partner's own stream (partner.<partnerId>.events) with what it may see.")
    @APIResponse(
            responseCode = "201",
            description = "Engaged; the partner is told",
            content = @Content(schema = @Schema(implementation = CaseView.EngagementView.class)))
    public RestResponse<CaseView.EngagementView> engagePartner(
            @PathParam("escalationId") UUID escalationId, @Valid @NotNull EngagementRequest request, UriInfo uri) {
        CaseView.EngagementView engaged = work.engage(escalationId, request.partnerId(), request.purpose(), caller);
        return Created.at(
                uri.getBaseUriBuilder()
                        .path("api/v1/engagements")
                        .path(engaged.id().toString())
                        .build(),
                engaged);
    }

    @Schema(
            name = "EscalationRequest",
            description = "A school's request to escalate its own incident (verzoek tot opschaling).")
    public record EscalationRequest(
            @NotNull UUID incidentId,

            @Schema(example = "Threats continue on social media after school.") @NotBlank @Size(max = 2000)
            String reason) {}

    @Schema(name = "TriageRequest")
    public record TriageRequest(
            @Schema(description = "The priority the expert assesses") @NotNull
            Priority priority) {}

    @Schema(name = "CaseDecisionRequest", description = "A decision for the case's chronology (besluit).")
    public record DecisionRequest(
            @Schema(example = "Youth work talks with both groups this week; the schools inform the parents.")
            @NotBlank
            @Size(max = 4000)
            String decision) {}

    @Schema(name = "CaseClosingRequest")
    public record ClosingRequest(
            @Schema(example = "Mediation held; youth work follows both groups.") @NotBlank @Size(max = 4000)
            String outcome) {}

    @GET
    @RolesAllowed({Role.Names.SAFETY_EXPERT, Role.Names.PARTNER, Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR
    })
    @Operation(
            summary = "The cases you may see",
            description =
                    "The expert: the district's open cases, soonest response due first (so the overdue ones lead). A partner: "
                            + "the cases it is engaged in, newest first. A school: the cases its incidents are part of, newest first. "
                            + "Each through the sharing matrix; shareable summaries are in the single case only. Paged with the cursor.")
    public Page<CaseView> listEscalations(@Valid @BeanParam PageRequest page) {
        return cases.queue(caller, page);
    }

    @GET
    @Path("/{escalationId}")
    @RolesAllowed({Role.Names.SAFETY_EXPERT, Role.Names.PARTNER, Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR
    })
    @Operation(
            summary = "Read one case as you may see it",
            description =
                    "With the schools' shareable summaries where the sharing matrix allows them; they are fetched from the "
                            + "incident-service, which logs the processing.")
    public RestResponse<CaseView> getEscalation(@PathParam("escalationId") UUID escalationId) {
        return cases.read(escalationId, caller)
                .orElseThrow(() -> ProblemException.notFound("escalation " + escalationId))
                .ok();
    }

    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Ask to escalate one of your incidents by hand",
            description = "Opens a case or joins the open one it belongs with.")
    public CaseView requestEscalation(@Valid @NotNull EscalationRequest request) {
        return work.request(request.incidentId(), request.reason(), caller);
    }

    @POST
    @Path("/{escalationId}/acknowledge")
    @RolesAllowed(Role.Names.SAFETY_EXPERT)
    @Operation(
            summary = "Acknowledge a case",
            description = "Send If-Match to make sure nobody acknowledged it meanwhile (412 otherwise).")
    public RestResponse<CaseView> acknowledgeEscalation(
            @PathParam("escalationId") UUID escalationId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return work.acknowledge(escalationId, ifMatch, caller).ok();
    }

    @POST
    @Path("/{escalationId}/triage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_EXPERT)
    @Operation(
            summary = "Triage an acknowledged case",
            description =
                    "From ACKNOWLEDGED, with the priority the expert assesses; partners can be engaged from then on. Send If-Match (412 when stale).")
    public RestResponse<CaseView> triageEscalation(
            @PathParam("escalationId") UUID escalationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TriageRequest request) {
        return work.triage(escalationId, ifMatch, request.priority(), caller).ok();
    }

    @POST
    @Path("/{escalationId}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_EXPERT)
    @Operation(
            summary = "Record a decision in the case's chronology",
            description =
                    "A line in the chronology the expert keeps; no state changes. Send If-Match to base it on the case you read (412 otherwise).")
    public RestResponse<CaseView> recordDecision(
            @PathParam("escalationId") UUID escalationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull DecisionRequest request) {
        return work.recordDecision(escalationId, ifMatch, request.decision(), caller)
                .ok();
    }

    @POST
    @Path("/{escalationId}/monitor")
    @RolesAllowed(Role.Names.SAFETY_EXPERT)
    @Operation(
            summary = "Move a triaged case to monitoring",
            description =
                    "From TRIAGED; the case stays open for follow-up until it is closed. Send If-Match (412 when stale).")
    public RestResponse<CaseView> monitorEscalation(
            @PathParam("escalationId") UUID escalationId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return work.monitor(escalationId, ifMatch, caller).ok();
    }

    @POST
    @Path("/{escalationId}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_EXPERT)
    @Operation(
            summary = "Close a case with its outcome",
            description = "Open engagements are cancelled; publishes escalation.closed.")
    public RestResponse<CaseView> closeEscalation(
            @PathParam("escalationId") UUID escalationId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ClosingRequest request) {
        return work.close(escalationId, ifMatch, request.outcome(), caller).ok();
    }
}
