package nl.rotterdam.schoolsafe.knowledge.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "OfferingRequest",
        description =
                "A programme or training of the safety offer (aanbod sociale veiligheid) as the municipality publishes it.")
public record OfferingRequest(
        @Schema(
                description = "Stable short name (code) that links and recommendation rules use; fixed once created",
                example = "halt-training")
        @NotBlank
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,59}", message = "must be 2 to 60 lowercase letters, digits or dashes")
        String code,

        @Schema(description = "Title (titel)", example = "Halt: spreekuur en groepstrainingen")
        @NotBlank
        @Size(max = 200)
        String title,

        @Schema(description = "Provider (aanbieder)", example = "Halt") @NotBlank @Size(max = 200)
        String provider,

        @Schema(
                description = "What it offers (omschrijving), in Dutch: the text the Dutch search reads",
                example = "Spreekuren op school en groepstrainingen bij grensoverschrijdend gedrag.")
        @NotBlank
        @Size(max = 4000)
        String description,

        @Schema(description = "Themes (thema's)") @NotEmpty @Size(max = 12)
        List<@NotNull Theme> themes,

        @Schema(description = "Audiences (doelgroepen)") @NotEmpty @Size(max = 4)
        List<@NotNull Audience> audiences,

        @Schema(description = "Education sectors (onderwijssectoren)") @NotEmpty @Size(max = 4)
        List<@NotNull Sector> sectors,

        @Schema(description = "Cost (kosten), as the provider states it", example = "Gratis voor Rotterdamse scholen")
        @NotBlank
        @Size(max = 200)
        String cost,

        @Schema(description = "Evidence level (bewezen effectiviteit)") @NotNull
        EvidenceLevel evidenceLevel,

        @Schema(
                description = "How to reach the provider (contact): an organisation or desk, not a person's name",
                example = "Halt regio Rotterdam-Rijnmond")
        @NotBlank
        @Size(max = 200)
        String contact,

        @Schema(description = "Website (website)", example = "https://www.halt.nl")
        @Size(max = 300)
        @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        String website) {}
