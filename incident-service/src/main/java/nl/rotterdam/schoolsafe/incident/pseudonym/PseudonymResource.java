package nl.rotterdam.schoolsafe.incident.pseudonym;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A school looks up the pseudonym of a pupil in its own incidents; nothing reverses one. */
@Path("/api/v1/incidents/pseudonyms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pseudonyms", description = "Keyed pseudonyms of students (pseudoniemen)")
public class PseudonymResource {
    private final PseudonymLookUp lookUp;
    private final Caller caller;

    PseudonymResource(PseudonymLookUp lookUp, Caller caller) {
        this.lookUp = lookUp;
        this.caller = caller;
    }

    @Schema(
            name = "PseudonymRequest",
            description = "The student's education number, in the body so it never appears in a URL.")
    public record PseudonymRequest(
            @Schema(example = "123456789")
            @NotBlank
            @Size(max = 32)
            @Pattern(regexp = "[A-Za-z0-9-]+", message = "may contain only letters, digits and dashes")
            String studentNumber) {}

    @Schema(name = "Pseudonym")
    public record PseudonymView(
            @Schema(example = "ps-3f1c9a0e5b7d4c2a8e6f0b1d2c3a4e5f")
            String pseudonym) {}

    @POST
    @RolesAllowed({Role.Names.SCHOOL_STAFF, Role.Names.SAFETY_COORDINATOR})
    @Operation(
            summary = "Look up the pseudonym of a pupil in your locations' incidents",
            description = "Only for a pupil already involved in an incident of one of your school locations (else 404),"
                    + " at most 30 a minute per caller (else 429 with Retry-After); each answer is recorded in the"
                    + " processing log. The same education number gives the same pseudonym at every school; the"
                    + " number itself is not stored.")
    public PseudonymView lookUpPseudonym(@Valid @NotNull PseudonymRequest request) {
        return new PseudonymView(lookUp.lookUp(new Pseudonymizer.StudentNumber(request.studentNumber()), caller)
                .value());
    }
}
