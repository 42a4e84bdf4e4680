package nl.rotterdam.schoolsafe.incident.register;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerRequest", description = "A safety partner organisation (ketenpartner).")
public record PartnerRequest(
        @Schema(example = "Politie Rotterdam") @NotBlank @Size(max = 200)
        String name,

        @NotNull Partner.Kind kind) {}
