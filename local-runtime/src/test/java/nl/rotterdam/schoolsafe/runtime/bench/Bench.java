package nl.rotterdam.schoolsafe.runtime.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;

/** What the throughput benchmarks share: their suite, a service's metrics, the escalation data they seed. */
final class Bench {
    private Bench() {}

    /** The suite on free ports with its rate limits lifted and the demo data loaded. */
    static LocalSuite suite(Path root, String name) throws Exception {
        LocalSuite suite = LocalSuite.start(
                LocalSuite.Layout.forTests(
                        root,
                        Files.createTempDirectory(name),
                        Map.of("RATE_LIMIT_WRITES", "1000000000", "RATE_LIMIT_READS", "1000000000")),
                step -> System.out.println("[suite] " + step));
        new DemoData(suite.gatewayUrl(), suite.tokens()).load();
        return suite;
    }

    /** A service's Prometheus samples of one metric whose line holds every filter. */
    static List<Double> metric(LocalSuite suite, String service, String name, String... filters) throws Exception {
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(suite.metricsUrl(service)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(filters).allMatch(line::contains))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .toList();
    }

    static double sum(List<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * The CTEs that follow a {@code seeded} CTE (incident_id, case_id, pseudonym, district, school, at, link_position,
     * firing_position): its incidents in the projection, one pupil each, linked to their cases with one firing each.
     */
    static String linkedIncidents(String rule) {
        return """
                incidents AS (
                  INSERT INTO incident_seen (incident_id, school_location_id, district_id, location_type, category,
                                             severity, status, police_report_status, occurred_at)
                  SELECT incident_id, school, district, 'IN_SCHOOL', 'BULLYING', 'HIGH', 'REGISTERED', 'NONE', at FROM seeded),
                persons AS (
                  INSERT INTO incident_person_seen (incident_id, position, pseudonym, role, kind, school_location_id, minor)
                  SELECT incident_id, 0, pseudonym, 'SUSPECT', 'STUDENT', school, true FROM seeded),
                links AS (
                  INSERT INTO case_incident (incident_id, case_id, position, school_location_id, category, severity,
                                             occurred_at, linked_at)
                  SELECT incident_id, case_id, link_position, school, 'BULLYING', 'HIGH', at, at FROM seeded)
                INSERT INTO rule_firing (case_id, position, incident_id, rule, explanation, fired_at)
                SELECT case_id, firing_position, incident_id, '%s', 'seeded', at FROM seeded""".formatted(rule);
    }
}
