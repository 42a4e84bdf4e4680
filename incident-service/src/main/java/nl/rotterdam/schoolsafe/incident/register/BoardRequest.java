package nl.rotterdam.schoolsafe.incident.register;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BoardRequest", description = "A school board (onderwijsbestuur / schoolbestuur).")
public record BoardRequest(
        @Schema(example = "BOOR") @NotBlank @Size(max = 200) String name) {}
