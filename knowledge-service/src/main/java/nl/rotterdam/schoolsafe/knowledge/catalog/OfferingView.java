package nl.rotterdam.schoolsafe.knowledge.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Offering", description = "A programme or training of the safety offer (aanbod sociale veiligheid).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferingView(
        @Schema(required = true) UUID id,

        @Schema(example = "halt-training", pattern = "^[a-z0-9][a-z0-9-]{1,59}$")
        String code,

        @Schema(description = "Title (titel)", example = "Halt: spreekuur en groepstrainingen")
        String title,

        @Schema(description = "Provider (aanbieder)", example = "Halt")
        String provider,

        @Schema(description = "Description (omschrijving)") String description,
        List<Theme> themes,
        List<Audience> audiences,
        List<Sector> sectors,

        @Schema(description = "Cost (kosten)", example = "Gratis")
        String cost,

        EvidenceLevel evidenceLevel,

        @Schema(description = "Contact (contact)", example = "Halt regio Rotterdam-Rijnmond")
        String contact,

        @Schema(description = "Website", example = "https://www.halt.nl")
        String website,

        @Schema(
                description = "Search relevance (relevantie), only when searching with q; higher is better",
                example = "0.61")
        Float relevance) {

    static OfferingView of(Offering o, Float relevance) {
        return new OfferingView(
                o.id(),
                o.code(),
                o.title(),
                o.provider(),
                o.description(),
                o.themes(),
                o.audiences(),
                o.sectors(),
                o.cost(),
                o.evidenceLevel(),
                o.contact(),
                o.website(),
                relevance);
    }
}
