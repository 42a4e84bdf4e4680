package nl.rotterdam.schoolsafe.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.Tokens;

/**
 * The fault suite: the real suite under a bounded load of cross-school registrations (weapon incidents, each of
 * which opens or joins an escalation case), supervised by the launcher as the local run is. Each service is killed
 * with SIGKILL and then stopped with SIGTERM, the broker is stopped for longer than the clients' timeouts, PostgreSQL
 * is stopped as {@code -m immediate} would. Clients retry a refused or unknown request with the same Idempotency-Key
 * as the API asks. After each fault, once every process is ready again, it waits for every acknowledged registration
 * to be stored once and to be in exactly one case, and checks the pots and sessions; it prints a row per fault. No
 * hand touches anything. Not a test: run it with benchmarks/faults.sh after building the services.
 */
public final class Faults {
    private static final int CLIENTS = Integer.getInteger("clients", 4);
    private static final int PAUSE_MILLIS = Integer.getInteger("pauseMillis", 1500);
    private static final int BROKER_SECONDS = Integer.getInteger("brokerSeconds", 100);
    private static final int DATABASE_SECONDS = Integer.getInteger("databaseSeconds", 20);
    private static final Duration CONSISTENT_WITHIN = Duration.ofMinutes(5);
    private static final String MARK = "fault-suite registration";
    private static final String ANOTHER_ID = "201 naming another incident for the same key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Each attempt's answer during the current fault, by kind: "201", "503 service-unavailable", "refused" … */
    private static final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    /** Idempotency-Key → the incident its 201 named. */
    private static final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private static volatile boolean loading = true;

    private record Row(
            String fault,
            int acknowledged,
            long lost,
            long doubled,
            long notInACase,
            String problems,
            long consistentAfterMillis) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("faults");
        try (LocalSuite suite = LocalSuite.start(
                // durably: an acknowledged commit must survive the PostgreSQL crash, as it does in production
                LocalSuite.Layout.forTests(
                                root, data, Map.of("RATE_LIMIT_WRITES", "100000", "RATE_LIMIT_READS", "100000"))
                        .durably(),
                step -> System.out.println("[suite] " + step))) {
            new DemoData(suite.gatewayUrl(), suite.tokens()).load();
            suite.restartWhenDead(step -> System.out.println("[launcher] " + step));
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String school =
                        DemoData.LOCATIONS.get(i % DemoData.LOCATIONS.size()).id();
                String token = suite.tokens().mint(Tokens.Holder.school("faults-" + i, "SCHOOL_STAFF", school));
                Thread client = new Thread(() -> load(suite, token, school), "client-" + i);
                client.setDaemon(true);
                client.start();
                clients.add(client);
            }
            List<Row> rows = new ArrayList<>();
            rows.add(fault(suite, "no fault (10 s of load)", () -> Thread.sleep(10_000)));
            for (String service : LocalSuite.MODULES.keySet()) {
                String module = LocalSuite.MODULES.get(service);
                rows.add(fault(suite, module + " SIGKILL", () -> suite.kill(service)));
                rows.add(fault(suite, module + " SIGTERM", () -> suite.terminate(service)));
            }
            rows.add(fault(suite, "broker stopped " + BROKER_SECONDS + " s", () -> {
                suite.infra().stopKafka();
                Thread.sleep(BROKER_SECONDS * 1000L);
                suite.infra().startKafka();
            }));
            rows.add(fault(suite, "PostgreSQL -m immediate, " + DATABASE_SECONDS + " s", () -> {
                suite.infra().crashPostgres();
                Thread.sleep(DATABASE_SECONDS * 1000L);
                suite.infra().startPostgres();
            }));
            loading = false;
            for (Thread client : clients) {
                client.join(Duration.ofMinutes(2).toMillis());
            }
            print(rows, suite);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static Row fault(LocalSuite suite, String name, Action action) throws Exception {
        System.out.println("[faults] " + name);
        answers.clear();
        int before = acknowledged.size();
        action.run();
        long healed = System.nanoTime();
        long deadline = healed + CONSISTENT_WITHIN.toNanos();
        for (String service : LocalSuite.MODULES.keySet()) {
            while (status(suite.managementUrl(service) + "/q/health/ready") != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        // what was acknowledged until now must be stored once and in a case
        List<String> incidents = List.copyOf(acknowledged.values());
        long stored = 0;
        long inCases = 0;
        while (System.nanoTime() < deadline) {
            stored = count(suite, "incident", "SELECT count(*) FROM incident WHERE id = ANY (?)", incidents);
            inCases = count(
                    suite, "escalation", "SELECT count(*) FROM case_incident WHERE incident_id = ANY (?)", incidents);
            if (stored == incidents.size() && inCases == incidents.size()) {
                break;
            }
            Thread.sleep(250);
        }
        long consistent = (System.nanoTime() - healed) / 1_000_000;
        Map<String, Integer> kinds = new TreeMap<>();
        answers.forEach((kind, n) -> kinds.put(kind, n.get()));
        Row row = new Row(
                name,
                acknowledged.size() - before,
                incidents.size() - stored,
                kinds.getOrDefault(ANOTHER_ID, 0),
                incidents.size() - inCases,
                kinds.toString(),
                consistent);
        System.out.println("[faults] " + row);
        return row;
    }

    /** One client: registers, and retries each refused or unanswered registration with its key until it is answered. */
    private static void load(LocalSuite suite, String token, String school) {
        OffsetDateTime occurredAt = OffsetDateTime.now().minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        while (loading) {
            String key = UUID.randomUUID().toString();
            String body;
            try {
                body = JSON.writeValueAsString(Map.of(
                        "schoolLocationId",
                        school,
                        "occurredAt",
                        occurredAt.toString(),
                        "locationType",
                        "SCHOOL_SURROUNDINGS",
                        "category",
                        "WEAPON",
                        "severity",
                        "HIGH",
                        "description",
                        MARK,
                        "involvedPersons",
                        List.of()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < giveUp) {
                String kind;
                try {
                    HttpResponse<String> response = HTTP.send(
                            HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/incidents"))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", key)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    kind = String.valueOf(response.statusCode());
                    if (response.statusCode() == 201) {
                        String id = JSON.readTree(response.body()).path("id").asText();
                        String earlier = acknowledged.putIfAbsent(key, id);
                        if (earlier != null && !earlier.equals(id)) {
                            kind = ANOTHER_ID;
                        }
                        tally(kind);
                        break;
                    }
                    JsonNode problem = JSON.readTree(response.body());
                    String type = problem.path("type").asText();
                    kind += " " + type.substring(type.lastIndexOf('/') + 1);
                } catch (Exception e) {
                    kind = "no answer (" + e.getClass().getSimpleName() + ")";
                }
                tally(kind);
                pause(500);
            }
            pause(PAUSE_MILLIS);
        }
    }

    private static void tally(String kind) {
        answers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private static long count(LocalSuite suite, String database, String sql, List<String> ids) {
        try (Connection db = DriverManager.getConnection(suite.infra().jdbcUrl(database), "schoolsafe", "schoolsafe");
                PreparedStatement query = db.prepareStatement(sql)) {
            if (ids != null) {
                query.setArray(
                        1,
                        db.createArrayOf(
                                "uuid", ids.stream().map(UUID::fromString).toArray()));
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (Exception e) {
            return -1;
        }
    }

    private static void print(List<Row> rows, LocalSuite suite) {
        System.out.println();
        System.out.println("| fault | acknowledged | lost | doubled | not in a case | answers while it lasted |"
                + " consistent after recovery |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.printf(
                    "| %s | %d | %d | %d | %d | %s | %.1f s |%n",
                    row.fault(),
                    row.acknowledged(),
                    row.lost(),
                    row.doubled(),
                    row.notInACase(),
                    row.problems(),
                    row.consistentAfterMillis() / 1000.0);
        }
        System.out.println();
        // with the load stopped every registration is answered: more stored than acknowledged is a doubled effect
        System.out.println("registrations stored beyond those acknowledged (doubled): "
                + (count(suite, "incident", "SELECT count(*) FROM incident WHERE description = '" + MARK + "'", null)
                        - acknowledged.size()));
        System.out.println("inbox records twice for one consumer: "
                + count(
                        suite,
                        "escalation",
                        "SELECT count(*) FROM (SELECT consumer, event_id FROM inbox_message"
                                + " GROUP BY 1, 2 HAVING count(*) > 1) twice",
                        null));
        System.out.println("pots whose balance is not their ledger's sum: "
                + count(
                        suite,
                        "subsidy",
                        "SELECT count(*) FROM pot p WHERE balance_cents <> (SELECT"
                                + " coalesce(sum(amount_cents), 0) FROM ledger_entry e WHERE e.pot_id = p.id)",
                        null));
        System.out.println("sessions with more confirmed registrations than seats: "
                + count(
                        suite,
                        "knowledge",
                        "SELECT count(*) FROM expert_session s WHERE capacity < (SELECT count(*)"
                                + " FROM session_registration r WHERE r.session_id = s.id AND r.status = 'CONFIRMED')",
                        null));
    }

    private static int status(String url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
