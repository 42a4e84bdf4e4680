package nl.rotterdam.schoolsafe.incident.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.incident.IncidentConfig;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Aggregated, k-anonymous figures for the municipality: never a row, never a small cell. */
@ApplicationScoped
public class StatisticsService {
    private final EntityManager entityManager;
    private final int threshold;

    StatisticsService(EntityManager entityManager, IncidentConfig config) {
        this.entityManager = entityManager;
        this.threshold = config.statisticsMinimumCell();
    }

    @Schema(name = "StatisticsMeasure", description = "What a statistics table counts")
    public enum Measure {
        INCIDENTS,
        EXPULSIONS
    }

    public record Table(
            int year,
            Measure measure,
            List<Dimension> groupBy,
            int minimumCellSize,
            List<SmallCellSuppression.Cell> cells) {}

    public Table count(Measure measure, int year, List<Dimension> groupBy) {
        String columns = groupBy.stream().map(Dimension::column).collect(Collectors.joining(", "));
        String from = measure == Measure.INCIDENTS
                ? "FROM incident i WHERE i.status <> 'DRAFT'"
                : "FROM follow_up_measure m JOIN incident i ON i.id = m.incident_id WHERE m.type = 'EXPULSION'";
        String sql = "SELECT " + columns + ", count(*) " + from
                // a range on the column, not extract(year …) of it, so the index bounds the scan to the year
                + " AND i.occurred_at >= make_timestamptz(?1, 1, 1, 0, 0, 0, 'Europe/Amsterdam')"
                + " AND i.occurred_at < make_timestamptz(?1 + 1, 1, 1, 0, 0, 0, 'Europe/Amsterdam') GROUP BY "
                + columns;
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                entityManager.createNativeQuery(sql).setParameter(1, year).getResultList();
        Map<Map<Dimension, String>, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Map<Dimension, String> keys = new LinkedHashMap<>();
            for (int d = 0; d < groupBy.size(); d++) {
                keys.put(groupBy.get(d), groupBy.get(d).label(row[d]));
            }
            counts.put(keys, ((Number) row[groupBy.size()]).longValue());
        }
        return new Table(year, measure, groupBy, threshold, SmallCellSuppression.apply(groupBy, counts, threshold));
    }
}
