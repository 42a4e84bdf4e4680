package nl.rotterdam.schoolsafe.knowledge.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "PriorityChangeRequest",
        description =
                "The organiser moves a waiting registration on the waiting list (wachtlijstprioriteit); the reason is logged.")
public record PriorityChangeRequest(
        @Schema(
                description = "New place on the waiting list (plaats op de wachtlijst), 1 = next in line",
                example = "1")
        @NotNull
        @Min(1)
        @Max(10000)
        Integer waitingPosition,

        @Schema(
                description = "Why (reden), kept in the audit trail; no personal data",
                example = "Aandachtslocatie uit de urgentieronde van de besturen")
        @NotBlank
        @Size(max = 1000)
        String reason) {}
