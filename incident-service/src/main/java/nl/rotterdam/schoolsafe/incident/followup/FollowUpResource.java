package nl.rotterdam.schoolsafe.incident.followup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.incident.FollowUpMeasure;
import nl.rotterdam.schoolsafe.incident.incident.MeasureView;
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

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Follow-up measures",
        description = "Suspensions and expulsions (schorsingen en verwijderingen) under the national rules")
public class FollowUpResource {
    private final FollowUpService followUp;
    private final Caller caller;

    FollowUpResource(FollowUpService followUp, Caller caller) {
        this.followUp = followUp;
        this.caller = caller;
    }

    @Schema(
            name = "MeasureRequest",
            description = "A suspension (at most 7 calendar days, start and end included) or an expulsion "
                    + "(the parents heard first).")
    public record MeasureRequest(
            @NotNull FollowUpMeasure.Type type,

            @Schema(description = "Index of the student in involvedPersons") @NotNull @Min(0) @Max(49)
            Integer personIndex,

            @Schema(example = "2026-11-23") @NotNull LocalDate startDate,

            @Schema(description = "Last day of a suspension", example = "2026-11-24")
            LocalDate endDate,

            @Schema(
                    description = "For an expulsion: when the parents were heard",
                    example = "2026-11-20T15:00:00+01:00")
            OffsetDateTime parentsHeardAt) {}

    @Schema(name = "InspectorateNotificationRequest")
    public record NotificationRequest(
            @Schema(example = "2026-11-24T09:00:00+01:00") @NotNull
            OffsetDateTime notifiedAt) {}

    @Schema(name = "DutyOfCareRequest", description = "The school's duty of care after an expulsion (zorgplicht).")
    public record DutyOfCareRequest(
            @Schema(example = "Temporary place at the Op de Rails programme") @Size(max = 500)
            String interimEducation,

            @Schema(example = "2026-12-15") LocalDate newSchoolFoundOn) {}

    @Schema(
            name = "RightToObjectRequest",
            description = "The parents were told they may object to the expulsion (bezwaar), and whether they did.")
    public record RightToObjectRequest(
            @Schema(example = "2026-11-21T10:00:00+01:00") @NotNull
            OffsetDateTime informedAt,

            @Schema(description = "The day the parents objected, if they did", example = "2026-11-28")
            LocalDate objectionLodgedOn) {}

    @POST
    @Path("/{incidentId}/measures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Record a suspension or expulsion",
            description =
                    "A suspension of more than one day and every expulsion create an Inspectorate notification duty.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = MeasureView.class)))
    public RestResponse<MeasureView> recordMeasure(
            @PathParam("incidentId") UUID incidentId, @Valid @NotNull MeasureRequest request, UriInfo uri) {
        MeasureView measure = followUp.decide(
                incidentId,
                new FollowUpService.MeasureDecision(
                        request.type(),
                        request.personIndex(),
                        request.startDate(),
                        request.endDate(),
                        request.parentsHeardAt()),
                caller);
        return Created.below(uri, measure.id(), measure);
    }

    @GET
    @Path("/{incidentId}/measures/{measureId}")
    @RolesAllowed({Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(summary = "Read one suspension or expulsion", description = "The read is written to the processing log.")
    public MeasureView getMeasure(@PathParam("incidentId") UUID incidentId, @PathParam("measureId") UUID measureId) {
        return followUp.read(incidentId, measureId, caller)
                .orElseThrow(() -> ProblemException.notFound("measure " + measureId));
    }

    @POST
    @Path("/{incidentId}/measures/{measureId}/inspectorate-notification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Record that the Inspectorate was notified",
            description =
                    "Closes the notification duty of a suspension over one day or an expulsion; the change is audited.")
    public MeasureView notifyInspectorate(
            @PathParam("incidentId") UUID incidentId,
            @PathParam("measureId") UUID measureId,
            @Valid @NotNull NotificationRequest request) {
        return followUp.recordNotification(incidentId, measureId, request.notifiedAt(), caller);
    }

    @PUT
    @Path("/{incidentId}/measures/{measureId}/duty-of-care")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Record the interim education and the date a new school was found after an expulsion",
            description =
                    "For an expulsion: how the student is taught meanwhile, and the day a new school was found. The change is audited.")
    public MeasureView recordDutyOfCare(
            @PathParam("incidentId") UUID incidentId,
            @PathParam("measureId") UUID measureId,
            @Valid @NotNull DutyOfCareRequest request) {
        return followUp.recordDutyOfCare(
                incidentId, measureId, request.interimEducation(), request.newSchoolFoundOn(), caller);
    }

    @PUT
    @Path("/{incidentId}/measures/{measureId}/right-to-object")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Record that the parents were told of their right to object to an expulsion, and their objection",
            description = "For an expulsion: when the parents were informed, and the day they objected if they did."
                    + " The municipality's expulsion worklist learns both; the change is audited.")
    public MeasureView recordRightToObject(
            @PathParam("incidentId") UUID incidentId,
            @PathParam("measureId") UUID measureId,
            @Valid @NotNull RightToObjectRequest request) {
        return followUp.recordRightToObject(
                incidentId, measureId, request.informedAt(), request.objectionLodgedOn(), caller);
    }

    @GET
    @Path("/inspectorate-notifications")
    @RolesAllowed(Role.Names.SAFETY_COORDINATOR)
    @Operation(
            summary = "Inspectorate notifications still to do for your locations, overdue first",
            description = "Soonest due first; paged with the cursor.")
    public Page<MeasureView> listOpenInspectorateNotifications(@Valid @BeanParam PageRequest page) {
        return followUp.openNotifications(caller, page);
    }
}
