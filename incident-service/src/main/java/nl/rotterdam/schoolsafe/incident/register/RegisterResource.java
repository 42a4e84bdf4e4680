package nl.rotterdam.schoolsafe.incident.register;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/register")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Register", description = "Reference data: districts, boards, school locations (referentiegegevens)")
public class RegisterResource {
    private static final String ID = "[a-z0-9][a-z0-9-]{0,39}";
    private static final String LOCATION_ID = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}";

    private final RegisterService register;
    private final Caller caller;

    RegisterResource(RegisterService register, Caller caller) {
        this.register = register;
        this.caller = caller;
    }

    @Schema(name = "District", description = "A district of Rotterdam (gebied)")
    public record DistrictView(
            @Schema(required = true, pattern = "^" + ID + "$")
            String id,

            String name) {}

    @Schema(name = "Board", description = "A school board (onderwijsbestuur / schoolbestuur).")
    public record BoardView(
            @Schema(required = true, pattern = "^" + ID + "$")
            String id,

            String name) {
        static BoardView of(Board board) {
            return new BoardView(board.id(), board.name());
        }
    }

    @Schema(name = "SchoolLocation", description = "A school location (vestiging)")
    public record SchoolLocationView(
            @Schema(required = true, pattern = "^" + LOCATION_ID + "$")
            String id,

            String brin,
            String locationNumber,
            String name,
            String boardId,
            Sector sector,
            String district,
            int pupilCount) {
        static SchoolLocationView of(SchoolLocation l) {
            return new SchoolLocationView(
                    l.id(),
                    l.brin(),
                    l.locationNumber(),
                    l.name(),
                    l.boardId(),
                    l.sector(),
                    l.districtId(),
                    l.pupilCount());
        }
    }

    @GET
    @Path("/districts")
    @RolesAllowed("**")
    @Operation(
            summary = "List Rotterdam's districts (gebieden)",
            description = "All of them in one list: the city's 14 districts, by name.")
    @APIResponse(
            responseCode = "200",
            description = "The register",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = DistrictView.class,
                                            maxItems = RegisterService.MAX_ENTRIES)))
    public List<DistrictView> listDistricts() {
        return register.districts().stream()
                .map(d -> new DistrictView(d.id, d.name))
                .toList();
    }

    @GET
    @Path("/boards")
    @RolesAllowed("**")
    @Operation(
            summary = "List school boards (schoolbesturen)",
            description = "All current boards in one list, by name: the register holds at most "
                    + RegisterService.MAX_ENTRIES + ".")
    @APIResponse(
            responseCode = "200",
            description = "The register",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = BoardView.class,
                                            maxItems = RegisterService.MAX_ENTRIES)))
    public List<BoardView> listBoards() {
        return register.boards().stream().map(BoardView::of).toList();
    }

    @PUT
    @Path("/boards/{boardId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "Create or replace a school board", description = "Idempotent: the board id is the key.")
    public BoardView saveBoard(
            @PathParam("boardId") @Pattern(regexp = ID, message = "must be a lowercase id") String boardId,
            @Valid @NotNull BoardRequest request) {
        return BoardView.of(register.saveBoard(boardId, request, caller));
    }

    @POST
    @Path("/boards/{boardId}/retirement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(
            summary = "Retire a board entered by mistake",
            description =
                    "It is no longer listed; the reason is audited. A board with school locations cannot be retired (409). "
                            + "Registering it again brings it back.")
    public BoardView retireBoard(
            @PathParam("boardId") @Pattern(regexp = ID, message = "must be a lowercase id") String boardId,
            @Valid @NotNull RetirementRequest request) {
        return BoardView.of(register.retireBoard(boardId, request.reason(), caller));
    }

    @POST
    @Path("/partners/{partnerId}/retirement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(
            summary = "Retire a partner organisation entered by mistake",
            description = "It is no longer listed and can no longer be engaged; the reason is audited. "
                    + "Registering it again brings it back.")
    public PartnerView retirePartner(
            @PathParam("partnerId") @Pattern(regexp = ID, message = "must be a lowercase id") String partnerId,
            @Valid @NotNull RetirementRequest request) {
        return PartnerView.of(register.retirePartner(partnerId, request.reason(), caller));
    }

    @Schema(name = "Partner", description = "A partner organisation (ketenpartner)")
    public record PartnerView(
            @Schema(required = true, pattern = "^" + ID + "$")
            String id,

            String name,
            Partner.Kind kind) {
        static PartnerView of(Partner p) {
            return new PartnerView(p.id(), p.name(), p.kind());
        }
    }

    @GET
    @Path("/partners")
    @RolesAllowed("**")
    @Operation(
            summary = "List partner organisations (ketenpartners)",
            description = "All current partners in one list, by name: the register holds at most "
                    + RegisterService.MAX_ENTRIES + ".")
    @APIResponse(
            responseCode = "200",
            description = "The register",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = PartnerView.class,
                                            maxItems = RegisterService.MAX_ENTRIES)))
    public List<PartnerView> listPartners() {
        return register.partners().stream().map(PartnerView::of).toList();
    }

    @PUT
    @Path("/partners/{partnerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(
            summary = "Create or replace a partner organisation",
            description = "Idempotent: the partner id is the key.")
    public PartnerView savePartner(
            @PathParam("partnerId") @Pattern(regexp = ID, message = "must be a lowercase id") String partnerId,
            @Valid @NotNull PartnerRequest request) {
        return PartnerView.of(register.savePartner(partnerId, request, caller));
    }

    @GET
    @Path("/school-locations")
    @RolesAllowed("**")
    @Operation(
            summary = "List school locations (vestigingen)",
            description = "All school locations in one list, by name: the register holds at most "
                    + RegisterService.MAX_ENTRIES + ".")
    @APIResponse(
            responseCode = "200",
            description = "The register",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = SchoolLocationView.class,
                                            maxItems = RegisterService.MAX_ENTRIES)))
    public List<SchoolLocationView> listSchoolLocations() {
        return register.schoolLocations().stream().map(SchoolLocationView::of).toList();
    }

    @PUT
    @Path("/school-locations/{schoolLocationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(
            summary = "Create or replace a school location",
            description = "The id is the BRIN followed by the location number, e.g. 30BR01.")
    public SchoolLocationView saveSchoolLocation(
            @PathParam("schoolLocationId")
                    @Pattern(regexp = LOCATION_ID, message = "must be a BRIN and location number such as 30BR01")
                    String schoolLocationId,
            @Valid @NotNull SchoolLocationRequest request) {
        return SchoolLocationView.of(register.saveSchoolLocation(schoolLocationId, request, caller));
    }
}
