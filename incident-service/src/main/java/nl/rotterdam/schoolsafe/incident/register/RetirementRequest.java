package nl.rotterdam.schoolsafe.incident.register;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "RetirementRequest",
        description = "Why an entry leaves the register (e.g. entered by mistake); kept in the audit trail.")
public record RetirementRequest(
        @Schema(examples = "Entered twice by mistake; the right entry is 'police'.") @NotBlank @Size(max = 2000)
        String reason) {}
