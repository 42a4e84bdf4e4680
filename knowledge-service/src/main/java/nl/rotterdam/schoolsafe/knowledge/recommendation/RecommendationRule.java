package nl.rotterdam.schoolsafe.knowledge.recommendation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recommendation rule as seeded (data, not code): categories, windows, thresholds and the offerings it points to. */
@Entity
@Immutable
@Table(name = "recommendation_rule")
public class RecommendationRule extends PanacheEntityBase {
    @Id
    public String id;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories;

    @Column(name = "recent_months")
    public int recentMonths;

    @Column(name = "previous_months")
    public int previousMonths;

    @Column(name = "minimum_recent")
    public int minimumRecent;

    @Column(name = "rise_factor")
    public BigDecimal riseFactor;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "offering_codes")
    public String[] offeringCodes;

    RuleEvaluation.Spec spec() {
        return new RuleEvaluation.Spec(
                id, List.of(categories), recentMonths, previousMonths, minimumRecent, riseFactor);
    }
}
