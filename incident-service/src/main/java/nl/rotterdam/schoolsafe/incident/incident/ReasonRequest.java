package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReasonRequest", description = "The reason (reden) for closing or reopening an incident.")
public record ReasonRequest(
        @Schema(example = "Handled with both families; no further action.") @NotBlank @Size(max = 2000)
        String reason) {}
