package nl.rotterdam.schoolsafe.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and the dashboard in deploy/observability name only metrics the code exposes, and every alert
 * tells the operator what to do: a renamed metric would otherwise leave an alert that can never fire.
 */
class ObservabilityTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern USED = Pattern.compile("schoolsafe_[a-z_]+");
    private static final Pattern DECLARED = Pattern.compile("\"(schoolsafe\\.[a-z.]+)\"");

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasARunbookLineAndNamesAMetricTheServicesExpose() throws IOException {
        Map<String, Object> rules =
                new Yaml().load(Files.readString(ROOT.resolve("deploy/observability/prometheus-alerts.yml")));
        Set<String> exposed = exposed();
        int alerts = 0;
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts++;
                String name = (String) rule.get("alert");
                Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
                assertTrue(
                        annotations != null
                                && !annotations.getOrDefault("runbook", "").isBlank(),
                        name + " has a runbook line");
                assertNamesExposedMetrics(name, (String) rule.get("expr"), exposed);
            }
        }
        assertTrue(alerts >= 8, "an alert for each thing an operator watches: " + alerts);
    }

    @Test
    void everyDashboardPanelQueriesAMetricTheServicesExpose() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(ROOT.resolve("deploy/observability/grafana-dashboard.json")
                        .toFile());
        Set<String> exposed = exposed();
        assertFalse(dashboard.path("panels").isEmpty());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertNamesExposedMetrics(
                        panel.path("title").asText(), target.path("expr").asText(), exposed);
            }
        }
    }

    private static void assertNamesExposedMetrics(String where, String expression, Set<String> exposed) {
        Matcher used = USED.matcher(expression);
        while (used.find()) {
            String metric = used.group().replaceAll("_total$", "");
            assertTrue(
                    exposed.contains(metric),
                    where + " names " + used.group() + ", which no service exposes: " + exposed);
        }
    }

    /** The operator metrics declared in the sources, as Prometheus names them. */
    private static Set<String> exposed() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> sources = Files.walk(module)) {
                    for (Path source :
                            sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Matcher declared = DECLARED.matcher(Files.readString(source));
                        while (declared.find()) {
                            names.add(declared.group(1).replace('.', '_'));
                        }
                    }
                }
            }
        }
        return names;
    }
}
