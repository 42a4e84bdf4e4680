package nl.rotterdam.schoolsafe.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.TestEvents;
import nl.rotterdam.schoolsafe.runtime.Tokens;

/**
 * Reads at a city's years of data (issue #22): 1,000,000 incidents (two persons each) and 100,000 escalation cases,
 * 1,000 of them open in one district, loaded with SQL; then p50/p95 through the gateway of the owner's list (first
 * page, a filtered first page, cursor page 151), the chronology of pupils with 5, 45 and 1,500 incidents, the
 * municipality's statistics and the expert's queue, each with the plan PostgreSQL chooses for its statement. Not a
 * test: run it with benchmarks/scale.sh.
 */
public final class Scale {
    private static final int INCIDENTS = Integer.getInteger("scale.incidents", 1_000_000);
    private static final int CASES = Integer.getInteger("scale.cases", 100_000);
    private static final int REQUESTS = 200;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new Scale().run(Path.of(args[0]));
    }

    private void run(Path root) throws Exception {
        try (LocalSuite suite = Bench.suite(root, "scale")) {
            try (Connection incidents = connect(suite, "incident");
                    Connection escalation = connect(suite, "escalation")) {
                long start = System.nanoTime();
                loadIncidents(incidents);
                loadCases(escalation);
                System.out.printf("loaded and analysed in %.0f s%n", (System.nanoTime() - start) / 1e9);

                String gateway = suite.gatewayUrl() + "/api/v1";
                String coordinator = suite.tokens().mint(DemoData.ROLES.get("SAFETY_COORDINATOR"));
                String municipality = suite.tokens().mint(DemoData.ROLES.get("MUNICIPALITY"));
                String expert = suite.tokens().mint(Tokens.Holder.expert("scale-expert", "delfshaven"));
                int year = OffsetDateTime.now().getYear() - 1;

                measure(
                        "owner's list, first page",
                        () -> get(gateway + "/incidents?schoolLocationId=30BR01", coordinator));
                explain(
                        incidents,
                        "SELECT * FROM incident WHERE school_location_id IN ('30BR01') "
                                + "ORDER BY occurred_at DESC, id DESC LIMIT 26");
                measure(
                        "owner's list, category filter",
                        () -> get(gateway + "/incidents?schoolLocationId=30BR01&category=DISCRIMINATION", coordinator));
                String list = gateway + "/incidents?schoolLocationId=30BR01";
                // page 151 of 25 rows, or the last page a smaller load has
                String cursor = get(list, coordinator).get("nextCursor").asText();
                for (int page = 2; page < 151; page++) {
                    JsonNode next = get(
                                    list + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), coordinator)
                            .get("nextCursor");
                    if (next.isNull()) {
                        break;
                    }
                    cursor = next.asText();
                }
                String deep = cursor;
                measure(
                        "owner's list, cursor page 151",
                        () -> get(
                                gateway + "/incidents?schoolLocationId=30BR01&cursor="
                                        + URLEncoder.encode(deep, StandardCharsets.UTF_8),
                                coordinator));
                explain(
                        incidents,
                        "SELECT * FROM incident WHERE school_location_id IN ('30BR01') AND (occurred_at, id) < "
                                + "(SELECT occurred_at, id FROM incident WHERE school_location_id = '30BR01' "
                                + "ORDER BY occurred_at DESC, id DESC OFFSET 3775 LIMIT 1) ORDER BY occurred_at DESC, id DESC LIMIT 26");
                for (String pupil : List.of("five", "forty-five", "many")) {
                    String pseudonym = pseudonym(pupil);
                    measure(
                            "chronology, " + count(incidents, pseudonym) + " incidents",
                            () -> post(
                                    gateway + "/incidents/chronology",
                                    coordinator,
                                    "{\"pseudonym\":\"" + pseudonym + "\"}"));
                }
                explain(
                        incidents,
                        "SELECT DISTINCT i.* FROM incident i JOIN involved_person p ON p.incident_id = i.id "
                                + "WHERE p.pseudonym = '" + pseudonym("many")
                                + "' AND i.school_location_id IN ('30BR01') "
                                + "ORDER BY i.occurred_at, i.id LIMIT 26");
                measure(
                        "statistics " + year + " by district",
                        () -> get(gateway + "/statistics/incidents?year=" + year + "&groupBy=district", municipality));
                measure(
                        "statistics " + year + " by month and category",
                        () -> get(
                                gateway + "/statistics/incidents?year=" + year + "&groupBy=month&groupBy=category",
                                municipality));
                explain(
                        incidents,
                        "SELECT i.district_id, count(*) FROM incident i WHERE i.status <> 'DRAFT' "
                                + "AND i.occurred_at >= make_timestamptz(" + year
                                + ", 1, 1, 0, 0, 0, 'Europe/Amsterdam') "
                                + "AND i.occurred_at < make_timestamptz(" + (year + 1)
                                + ", 1, 1, 0, 0, 0, 'Europe/Amsterdam') "
                                + "GROUP BY i.district_id");
                measure("expert's queue, 1,000 open cases", () -> get(gateway + "/escalations", expert));
                explain(
                        escalation,
                        "SELECT * FROM escalation_case WHERE district_id = 'delfshaven' AND status <> 'CLOSED' "
                                + "ORDER BY response_due_at, id LIMIT 26");
            }
            System.out.printf(
                    "%n%d incidents, %d cases: through the gateway, %d requests each, one at a time%n",
                    INCIDENTS, CASES, REQUESTS);
            rows.forEach(System.out::println);
        }
    }

    private interface Call {
        JsonNode call() throws Exception;
    }

    private void measure(String what, Call call) throws Exception {
        for (int i = 0; i < 20; i++) {
            call.call();
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            call.call();
            latencies.add(System.nanoTime() - start);
        }
        Percentiles p = Percentiles.of(latencies);
        rows.add(String.format("  %-40s p50 %7.1f ms   p95 %7.1f ms", what, p.at(0.5), p.at(0.95)));
        System.out.println(rows.get(rows.size() - 1));
    }

    private JsonNode get(String url, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private JsonNode post(String url, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response =
                http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return TestEvents.JSON.readTree(response.body());
    }

    /** The plan PostgreSQL chooses for the statement a read issues (written out here as the service writes it). */
    private static void explain(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet plan =
                        statement.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql)) {
            while (plan.next()) {
                System.out.println("      " + plan.getString(1));
            }
        }
    }

    private static long count(Connection db, String pseudonym) throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT count(*) FROM involved_person WHERE pseudonym = '" + pseudonym + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    static String pseudonym(String pupil) throws Exception {
        return "ps-"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("MD5")
                                .digest(("scale-" + pupil).getBytes(StandardCharsets.UTF_8)));
    }

    private static Connection connect(LocalSuite suite, String database) throws Exception {
        return DriverManager.getConnection(suite.infra().jdbcUrl(database), "schoolsafe", "schoolsafe");
    }

    /**
     * Incidents over five years at the seven demo locations, newest now; person 0 one of 200,000 pupils (five
     * incidents each), person 1 at 30BR01 a pupil with 1,500, one with 45 and one with 5 incidents there.
     */
    private static void loadIncidents(Connection db) throws Exception {
        System.out.println("loading " + INCIDENTS + " incidents …");
        try (Statement s = db.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE scale_location AS
                    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, district_id FROM school_location""");
            s.execute("SELECT count(*) FROM scale_location");
            s.execute("""
                    INSERT INTO incident (id, school_location_id, district_id, sector, location_type, category, severity,
                                          description, occurred_at, reported_at, status, registered_by, version,
                                          police_report_status)
                    SELECT md5('incident-' || g)::uuid, l.id, l.district_id, 'VO',
                           (ARRAY['IN_SCHOOL','SCHOOL_SURROUNDINGS','PUBLIC_TRANSPORT','ONLINE'])[1 + g %% 4],
                           (ARRAY['BULLYING','THEFT','VANDALISM','THREAT','PHYSICAL_VIOLENCE','DISCRIMINATION','DRUGS'])[1 + (g / 7) %% 7],
                           (ARRAY['LOW','MEDIUM','HIGH'])[1 + g %% 3],
                           'Scale incident ' || g, now() - g * interval '157 seconds', now() - g * interval '157 seconds',
                           CASE WHEN g %% 10 = 0 THEN 'CLOSED' ELSE 'REGISTERED' END, 'scale', 0, 'NONE'
                    FROM generate_series(1, %d) g
                    JOIN scale_location l ON l.n = g %% (SELECT count(*) FROM scale_location)""".formatted(INCIDENTS));
            s.execute("""
                    INSERT INTO involved_person (incident_id, position, role, kind, pseudonym, school_location_id, minor)
                    SELECT i.id, 0, 'SUSPECT', 'STUDENT', 'ps-' || md5('scale-' || (g::bigint * 7919 %% 200000)), i.school_location_id, true
                    FROM generate_series(1, %d) g JOIN incident i ON i.id = md5('incident-' || g)::uuid""".formatted(INCIDENTS));
            s.execute("""
                    INSERT INTO involved_person (incident_id, position, role, kind, pseudonym, school_location_id, minor)
                    SELECT id, 1, 'VICTIM', 'STUDENT',
                           CASE WHEN n <= 1500 THEN 'ps-' || md5('scale-many')
                                WHEN n <= 1545 THEN 'ps-' || md5('scale-forty-five')
                                WHEN n <= 1550 THEN 'ps-' || md5('scale-five')
                                ELSE 'ps-' || md5('scale-victim-' || n) END,
                           '30BR01', true
                    FROM (SELECT id, row_number() OVER (ORDER BY occurred_at DESC) AS n FROM incident
                          WHERE school_location_id = '30BR01' AND registered_by = 'scale') located""");
            s.execute("VACUUM ANALYZE incident");
            s.execute("VACUUM ANALYZE involved_person");
        }
    }

    /** Cases over five years, one incident each; all closed but the 1,000 newest of delfshaven. */
    private static void loadCases(Connection db) throws Exception {
        System.out.println("loading " + CASES + " cases …");
        try (Statement s = db.createStatement()) {
            s.execute("""
                    WITH seeded AS (
                      SELECT md5('scale-case-' || g)::uuid AS case_id, md5('scale-case-incident-' || g)::uuid AS incident_id,
                             (ARRAY['delfshaven','charlois','noord','centrum','feijenoord','prins-alexander','kralingen-crooswijk',
                                    'ijsselmonde','hillegersberg-schiebroek','overschie'])[1 + g %% 10] AS district,
                             now() - g * interval '26 minutes' AS at, g, 'ps-' || md5('scale-case-pupil-' || g) AS pseudonym,
                             '30BR01' AS school, 0 AS link_position, 0 AS firing_position
                      FROM generate_series(1, %d) g),
                    cases AS (
                      INSERT INTO escalation_case (id, district_id, status, priority, opened_at, response_due_at, version, outcome)
                      SELECT case_id, district, CASE WHEN district = 'delfshaven' AND g <= 10000 THEN 'OPEN' ELSE 'CLOSED' END,
                             'HIGH', at, at + interval '3 days', 0,
                             CASE WHEN district = 'delfshaven' AND g <= 10000 THEN NULL ELSE 'closed at scale' END
                      FROM seeded),
                    """.formatted(CASES) + Bench.linkedIncidents("INVOLVED_PERSON_OF_OTHER_SCHOOL"));
            for (String table : List.of(
                    "escalation_case", "case_incident", "rule_firing", "incident_seen", "incident_person_seen")) {
                s.execute("VACUUM ANALYZE " + table);
            }
        }
    }
}
