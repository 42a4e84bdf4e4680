package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ShareableSummaryRequest",
        description = "The shareable summary (samenvatting voor partners) of an incident.")
public record ShareableSummaryRequest(
        @Schema(
                description = "No names, education numbers, e-mail addresses or phone numbers",
                example = "Threats between students of two schools after an online dispute; continued on the metro.")
        @NotBlank
        @Size(max = ShareableSummary.MAX_LENGTH)
        String text) {}
