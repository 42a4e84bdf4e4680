package nl.rotterdam.schoolsafe.escalation.expulsion;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.validation.EnumValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the expulsion worklist; both optional. */
public class ExpulsionFilter extends PageRequest {
    @QueryParam("status")
    @EnumValue(of = ExpulsionFollowUp.Status.class)
    @Parameter(description = "OPEN or CHECKED", schema = @Schema(implementation = ExpulsionFollowUp.Status.class))
    public String status;

    @QueryParam("schoolLocationId")
    @Pattern(regexp = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}", message = "must be a school location id such as 30BR01")
    @Parameter(description = "One school location's expulsions")
    public String schoolLocationId;

    Optional<ExpulsionFollowUp.Status> status() {
        return Optional.ofNullable(status).map(ExpulsionFollowUp.Status::valueOf);
    }
}
