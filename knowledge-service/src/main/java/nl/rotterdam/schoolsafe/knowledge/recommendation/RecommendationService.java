package nl.rotterdam.schoolsafe.knowledge.recommendation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.knowledge.catalog.CatalogService;
import nl.rotterdam.schoolsafe.knowledge.register.SchoolTenancy;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

@ApplicationScoped
public class RecommendationService {
    private final IncidentTrends trends;
    private final CatalogService catalog;
    private final SchoolTenancy tenancy;
    private final Clock clock;

    RecommendationService(IncidentTrends trends, CatalogService catalog, SchoolTenancy tenancy, Clock clock) {
        this.trends = trends;
        this.catalog = catalog;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Every rule that fires for the location now, with its figures; only for the location's own staff and board. */
    @Transactional
    public List<RecommendationView> forLocation(String schoolLocationId, Caller caller) {
        if (!tenancy.ownLocation(caller, schoolLocationId)) {
            throw ProblemException.notFound("school location " + schoolLocationId);
        }
        YearMonth current = YearMonth.now(clock.withZone(IncidentTrends.ROTTERDAM));
        List<RecommendationRule> rules = RecommendationRule.listAll();
        YearMonth earliest = rules.stream()
                .map(r -> RuleEvaluation.earliest(r.spec(), current))
                .min(Comparator.naturalOrder())
                .orElse(current);
        Map<String, Map<YearMonth, Integer>> counts = trends.countsSince(schoolLocationId, earliest);
        List<RecommendationView> recommendations = new ArrayList<>();
        for (RecommendationRule rule :
                rules.stream().sorted(Comparator.comparing(r -> r.id)).toList()) {
            RuleEvaluation.evaluate(rule.spec(), counts, current)
                    .ifPresent(figures -> recommendations.add(new RecommendationView(
                            rule.id,
                            rule.description,
                            List.of(rule.categories),
                            figures,
                            catalog.byCodes(List.of(rule.offeringCodes)).stream()
                                    .map(o -> new RecommendationView.RecommendedOffering(
                                            o.id(), o.code(), o.title(), o.provider()))
                                    .toList())));
        }
        return recommendations;
    }
}
