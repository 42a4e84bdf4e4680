package nl.rotterdam.schoolsafe.knowledge.recommendation;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "Recommendation",
        description = "An explained recommendation (aanbeveling) for a school location from its incident trend.")
public record RecommendationView(
        @Schema(
                description = "The rule that fired (regel)",
                example = "RISING_AGGRESSION",
                pattern = "^[A-Z][A-Z0-9_]*$")
        String ruleId,

        @Schema(description = "What the rule looks for (omschrijving regel)", example = "Agressie neemt toe")
        String ruleDescription,

        @Schema(description = "Incident categories the rule counts (incidentcategorieën)")
        List<String> categories,

        RuleEvaluation.Figures figures,

        @Schema(description = "The recommended offerings (aanbevolen aanbod)")
        List<RecommendedOffering> offerings) {

    @Schema(
            name = "RecommendedOffering",
            description = "An offering of the catalog (aanbod) a recommendation points to.")
    public record RecommendedOffering(
            @Schema(required = true) UUID id,

            @Schema(example = "halt-training", pattern = "^[a-z0-9][a-z0-9-]{1,59}$")
            String code,

            @Schema(example = "Halt: spreekuur en groepstrainingen")
            String title,

            @Schema(example = "Halt") String provider) {}
}
