package nl.rotterdam.schoolsafe.escalation.casework;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.engagement.EngagementService;
import nl.rotterdam.schoolsafe.escalation.sharing.CaseViews;
import nl.rotterdam.schoolsafe.platform.event.CaseView;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/api/v1/engagements")
@Tag(name = "Engagements", description = "Partners engaged on cases (inzet van ketenpartners)")
public class EngagementResource {
    private final EngagementService engagements;
    private final Caller caller;

    EngagementResource(EngagementService engagements, Caller caller) {
        this.engagements = engagements;
        this.caller = caller;
    }

    @Schema(name = "EngagementNote")
    public record NoteRequest(
            @Schema(example = "First talk with both students held; a follow-up is planned next week.")
            @NotBlank
            @Size(max = 4000)
            String note) {}

    @Schema(name = "EngagementCompletion")
    public record CompletionRequest(
            @Schema(example = "Both students followed the HALT programme; no new incidents.")
            @NotBlank
            @Size(max = 4000)
            String outcome) {}

    @GET
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(summary = "Your organisation's engagements", description = "Newest first; paged with the cursor.")
    public Page<CaseView.EngagementView> listMyEngagements(@Valid @BeanParam PageRequest page) {
        return engagements.mine(caller, page, CaseViews::engagement);
    }

    @GET
    @Path("/{engagementId}")
    @RolesAllowed({Role.Names.PARTNER, Role.Names.SAFETY_EXPERT})
    @Operation(
            summary = "Read one engagement",
            description = "Its partner reads its own; the safety expert those of the district's cases.")
    public CaseView.EngagementView getEngagement(@PathParam("engagementId") UUID engagementId) {
        return engagements
                .read(engagementId, caller)
                .map(CaseViews::engagement)
                .orElseThrow(() -> ProblemException.notFound("engagement " + engagementId));
    }

    @POST
    @Path("/{engagementId}/accept")
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(
            summary = "Accept an engagement",
            description =
                    "Only the engaged partner, while the engagement is REQUESTED; the expert sees it in the case's chronology. Accepting in time stops the escalation of an unanswered engagement.")
    public CaseView.EngagementView acceptEngagement(@PathParam("engagementId") UUID engagementId) {
        return CaseViews.engagement(engagements.accept(engagementId, caller));
    }

    @POST
    @Path("/{engagementId}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(
            summary = "Report progress on an accepted engagement",
            description =
                    "Only the engaged partner, once accepted. Each note lands in the case's chronology for the expert.")
    public CaseView.EngagementView reportEngagementProgress(
            @PathParam("engagementId") UUID engagementId, @Valid @NotNull NoteRequest request) {
        return CaseViews.engagement(engagements.update(engagementId, request.note(), caller));
    }

    @POST
    @Path("/{engagementId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.PARTNER)
    @Operation(
            summary = "Complete an engagement with its outcome",
            description =
                    "Only the engaged partner, once accepted. The outcome is free text for the expert; it never travels on a topic.")
    public CaseView.EngagementView completeEngagement(
            @PathParam("engagementId") UUID engagementId, @Valid @NotNull CompletionRequest request) {
        return CaseViews.engagement(engagements.complete(engagementId, request.outcome(), caller));
    }
}
