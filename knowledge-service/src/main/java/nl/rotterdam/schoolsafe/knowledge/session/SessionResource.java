package nl.rotterdam.schoolsafe.knowledge.session;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.audit.AuditTrail;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import nl.rotterdam.schoolsafe.platform.validation.DateTimeValue;
import nl.rotterdam.schoolsafe.platform.validation.EnumValue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Expert sessions",
        description =
                "Expert and knowledge sessions (expertsessies, kennissessies; measures 12 and 13) with registration and a waiting list")
public class SessionResource {
    private final SessionService sessions;
    private final Caller caller;

    SessionResource(SessionService sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "Upcoming expert sessions",
            description = "Soonest first, with free seats and waiting list length. Cursor-paginated.")
    public Page<SessionView> listSessions(
            @QueryParam("startsFrom")
                    @DateTimeValue
                    @Parameter(
                            description = "Sessions starting at or after (ISO 8601 with zone); default now",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    String startsFrom,
            @QueryParam("kind")
                    @EnumValue(of = ExpertSession.Kind.class)
                    @Parameter(schema = @Schema(implementation = ExpertSession.Kind.class))
                    String kind,
            @QueryParam("cursor") @Size(max = 200) @Parameter(description = "nextCursor of the previous page")
                    String cursor,
            @QueryParam("limit") @DefaultValue("25") @Min(1) @Max(100) @Parameter(description = "Page size, 1 to 100")
                    int limit) {
        return sessions.list(
                startsFrom == null ? sessions.now() : OffsetDateTime.parse(startsFrom),
                kind == null ? null : ExpertSession.Kind.valueOf(kind),
                cursor,
                limit);
    }

    @GET
    @Path("/{sessionId}")
    @Authenticated
    @Operation(
            summary = "Read one expert session",
            description = "The ETag is the version to send in If-Match when the organiser changes it.")
    @APIResponse(
            responseCode = "200",
            description = "The session",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    public RestResponse<SessionView> getSession(@PathParam("sessionId") UUID sessionId) {
        return sessions.read(sessionId)
                .orElseThrow(() -> ProblemException.notFound("session " + sessionId))
                .ok();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Schedule an expert session",
            description =
                    "For the municipality. Publishes knowledge.session-scheduled. Send an Idempotency-Key so a retry creates nothing twice.")
    @APIResponse(
            responseCode = "201",
            description = "Scheduled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public RestResponse<SessionView> scheduleSession(
            @Valid @NotNull SessionRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Unique per intended session")
                    String idempotencyKey,
            UriInfo uri) {
        return sessions.schedule(request, idempotencyKey, caller).response(uri);
    }

    @PUT
    @Path("/{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Change an expert session",
            description =
                    "For the municipality; requires If-Match. More capacity moves waiting registrations up at once; capacity below the "
                            + "confirmed seats is refused with both numbers. Publishes knowledge.session-rescheduled.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "Capacity below the confirmed seats (requestedCapacity and confirmedSeats in the problem), or the session is cancelled")
    @APIResponse(responseCode = "412", description = "Changed by someone else since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<SessionView> rescheduleSession(
            @PathParam("sessionId") UUID sessionId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @Valid @NotNull SessionRequest request) {
        return sessions.reschedule(sessionId, ifMatch, request, caller).ok();
    }

    @POST
    @Path("/{sessionId}/cancel")
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Cancel an expert session",
            description =
                    "For the municipality; requires If-Match. Registration closes. Publishes knowledge.session-cancelled.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled")
    @APIResponse(responseCode = "412", description = "Changed by someone else since you read it")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public RestResponse<SessionView> cancelSession(
            @PathParam("sessionId") UUID sessionId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch) {
        return sessions.cancel(sessionId, ifMatch, caller).ok();
    }

    @POST
    @Path("/{sessionId}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Register yourself for a session",
            description =
                    "Confirmed while seats remain, otherwise on the waiting list in order of arrival. Publishes knowledge.registration-changed. "
                            + "Send an Idempotency-Key so a retry registers nothing twice.")
    @APIResponse(
            responseCode = "201",
            description = "Registered: CONFIRMED or WAITING with its place",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already registered, registration deadline passed, session started or cancelled")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public RestResponse<RegistrationView> registerForSession(
            @PathParam("sessionId") UUID sessionId,
            @Valid @NotNull RegistrationRequest request,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Unique per intended registration")
                    String idempotencyKey,
            UriInfo uri) {
        return sessions.register(sessionId, request.schoolLocationId(), idempotencyKey, caller)
                .response(uri);
    }

    @GET
    @Path("/{sessionId}/registrations")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Registrations of a session",
            description =
                    "The organiser: all, confirmed first, then the waiting list in order, then cancelled. School staff: their own. "
                            + "In one list, not paged: the confirmed seats (at most the capacity), the waiting list and cancellations.")
    public List<RegistrationView> listRegistrations(@PathParam("sessionId") UUID sessionId) {
        return sessions.registrations(sessionId, caller);
    }

    @POST
    @Path("/{sessionId}/registrations/{registrationId}/cancel")
    @RolesAllowed({Role.Names.MUNICIPALITY, Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Cancel a registration",
            description =
                    "Your own, or any for the organiser. A freed seat goes at once to the first on the waiting list; "
                            + "both changes are published as knowledge.registration-changed.")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled")
    public RegistrationView cancelRegistration(
            @PathParam("sessionId") UUID sessionId, @PathParam("registrationId") UUID registrationId) {
        return sessions.withdraw(sessionId, registrationId, caller);
    }

    @POST
    @Path("/{sessionId}/registrations/{registrationId}/priority-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "Move a waiting registration on the waiting list",
            description =
                    "For the organiser, with a reason that is kept in the session's audit trail. Publishes knowledge.registration-changed.")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "409", description = "The registration is not on the waiting list")
    public RegistrationView changePriority(
            @PathParam("sessionId") UUID sessionId,
            @PathParam("registrationId") UUID registrationId,
            @Valid @NotNull PriorityChangeRequest request) {
        return sessions.moveOnWaitingList(
                sessionId, registrationId, request.waitingPosition(), request.reason(), caller);
    }

    @GET
    @Path("/{sessionId}/audit-trail")
    @RolesAllowed(Role.Names.MUNICIPALITY)
    @Operation(
            summary = "The session's audit trail",
            description =
                    "Waiting-list priority changes: who, when, from which place to which, and why. Oldest first; paged with the cursor.")
    public Page<AuditTrail.Entry> getSessionAuditTrail(
            @PathParam("sessionId") UUID sessionId, @Valid @BeanParam PageRequest page) {
        return sessions.auditTrail(sessionId, page);
    }
}
