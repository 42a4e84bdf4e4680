package nl.rotterdam.schoolsafe.knowledge.session;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "RegistrationRequest",
        description = "A registration (aanmelding) for yourself; you are the token's subject.")
public record RegistrationRequest(
        @Schema(
                description = "Your school location (vestiging); may be left out when your token names exactly one",
                example = "30BR01")
        @Pattern(regexp = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}", message = "must be a school location id such as 30BR01")
        String schoolLocationId) {}
