package nl.rotterdam.schoolsafe.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.TestEvents;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * From an incident's commit to its escalation case (issue #22), on the real suite: cross-school incidents registered
 * at 10, 50 and then 100 per second for 30 s each, every one a new pupil's in one of eight districts in turn, so the
 * open cases grow by thousands; the time from the registration's 201 to the first escalation event that lists the incident (p50, p95,
 * p99), the incidents not in a case when the load ends and how long the backlog takes to drain. Then the
 * escalation-service's cost per incident event (its consumer's transaction, from the
 * schoolsafe_inbox_processing timer) with 10, 100 and 1,000 open cases in the district and with 10, 100 and 1,000
 * incidents in the case an incident joins, seeded with SQL. Not a test: run it with benchmarks/propagation.sh.
 */
public final class Propagation {
    private static final String GROUP = "escalation-service";
    private static final int PER_SCALE = 100;

    private record Registered(String id, long at) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int seconds = Integer.getInteger("propagation.seconds", 30);
        try (LocalSuite suite = Bench.suite(root, "propagation");
                CaseWatcher watcher = new CaseWatcher(suite)) {
            String staff = suite.tokens().mint(Tokens.Holder.school("bench-staff", "SCHOOL_STAFF", "30BR01"));
            Client client = new Client(suite.url("incident") + "/api/v1/incidents", staff);
            // a cold JVM's first minute (class loading, the JIT) costs several times a warm one's per event
            System.out.println("warming up: 60 s at 10 per second …");
            client.load(10, 60, null, i -> "WARM-" + i);

            List<String> rows = new ArrayList<>();
            Map<String, Long> cpu = Map.of();
            long registeredAt100 = 0;
            for (int rate : new int[] {10, 50, 100}) {
                Map<String, Long> cpuBefore = Profile.cpuByProcess(suite);
                List<Registered> sent = client.load(rate, seconds, null, i -> "P" + rate + "-" + i);
                long end = System.nanoTime();
                int missing = watcher.missing(sent);
                long drained = watcher.awaitAll(sent, Duration.ofSeconds(120));
                Map<String, Long> cpuAfter = Profile.cpuByProcess(suite);
                cpu = new LinkedHashMap<>();
                for (Map.Entry<String, Long> process : cpuAfter.entrySet()) {
                    cpu.put(process.getKey(), process.getValue() - cpuBefore.getOrDefault(process.getKey(), 0L));
                }
                registeredAt100 = sent.size();
                List<Long> latencies = new ArrayList<>();
                for (Registered r : sent) {
                    Long seen = watcher.seen.get(r.id());
                    if (seen != null) {
                        latencies.add(Math.max(0, seen - r.at()));
                    }
                }
                Percentiles p = Percentiles.of(latencies);
                rows.add(String.format(
                        "%4d/s for %d s: %5d registered   commit -> case p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms"
                                + "   not in a case at the end of the load %d, all in %.1f s after it%s",
                        rate,
                        seconds,
                        sent.size(),
                        p.at(0.5),
                        p.at(0.95),
                        p.at(0.99),
                        missing,
                        (drained - end) / 1e9,
                        latencies.size() < sent.size() ? " (" + (sent.size() - latencies.size()) + " never)" : ""));
                System.out.println(rows.get(rows.size() - 1));
            }

            System.out.println("per-event cost against the open cases of the district …");
            List<double[]> byOpenCases = new ArrayList<>();
            // districts the load above left alone
            String[] districts = {"hoek-van-holland", "pernis", "rozenburg"};
            int[] sizes = {10, 100, 1000};
            try (Connection db =
                    DriverManager.getConnection(suite.infra().jdbcUrl("escalation"), "schoolsafe", "schoolsafe")) {
                for (int s = 0; s < sizes.length; s++) {
                    String district = districts[s];
                    int size = sizes[s];
                    seedOpenCases(db, district, size);
                    byOpenCases.add(
                            cost(suite, () -> client.load(10, PER_SCALE / 10, district, i -> "O" + size + "-" + i)));
                    System.out.printf(
                            "  %5d open cases: %.2f ms an event%n",
                            size, byOpenCases.get(s)[0]);
                }
                System.out.println("per-event cost against the incidents of the case it joins …");
                List<double[]> byCaseSize = new ArrayList<>();
                String[] growing = {"ijsselmonde", "kralingen-crooswijk", "hillegersberg-schiebroek"};
                for (int s = 0; s < sizes.length; s++) {
                    String pupil = "GROW-" + sizes[s];
                    String district = growing[s];
                    List<Registered> first = client.load(1, 1, district, i -> pupil);
                    watcher.awaitAll(first, Duration.ofSeconds(30));
                    growCase(db, first.get(0).id(), sizes[s] - 1);
                    byCaseSize.add(cost(suite, () -> client.load(10, PER_SCALE / 10, district, i -> pupil)));
                    System.out.printf(
                            "  %5d incidents in the case: %.2f ms an event%n",
                            sizes[s], byCaseSize.get(s)[0]);
                }
                System.out.printf("%ncommit -> escalation case, cross-school incidents, each a new pupil's case%n");
                rows.forEach(r -> System.out.println("  " + r));
                System.out.printf(
                        "%nescalation per incident event (consumer transaction, mean of %d events)%n", PER_SCALE);
                print("open cases in the district", sizes, byOpenCases);
                print("incidents in the case it joins", sizes, byCaseSize);
            }
            long total = cpu.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(
                    "%nCPU per incident at 100/s, from the first registration until the last is in a case "
                            + "(ms of a core; the machine has %d cores)%n",
                    Runtime.getRuntime().availableProcessors());
            long incidents = registeredAt100;
            cpu.forEach((process, ticks) -> System.out.printf("  %-44s %6.2f ms%n", process, ticks * 10.0 / incidents));
            System.out.printf(
                    "  %-44s %6.2f ms, so 100 a second need %.2f cores%n",
                    "all", total * 10.0 / incidents, total * 10.0 / incidents / 10);
            Profile.samples(
                    suite,
                    "escalation-service",
                    "at 100 cross-school incidents a second",
                    () -> client.load(100, 15, null, i -> "S-" + i));
        }
    }

    private static void print(String what, int[] sizes, List<double[]> costs) {
        for (int s = 0; s < sizes.length; s++) {
            System.out.printf(
                    "  %5d %-32s %6.2f ms  (%d events)%n", sizes[s], what, costs.get(s)[0], (long) costs.get(s)[1]);
        }
        System.out.printf(
                "  ratio %d / %d: %.2f%n",
                sizes[sizes.length - 1], sizes[0], costs.get(costs.size() - 1)[0] / costs.get(0)[0]);
    }

    /** Mean milliseconds of the escalation-service's incident-event transactions while {@code load} runs, and their count. */
    private static double[] cost(LocalSuite suite, LoadStep load) throws Exception {
        double[] before = timer(suite);
        load.run();
        Thread.sleep(3000);
        double[] after = timer(suite);
        double count = after[0] - before[0];
        return new double[] {(after[1] - before[1]) * 1000 / count, count};
    }

    private interface LoadStep {
        List<Registered> run() throws Exception;
    }

    /** count and seconds of schoolsafe_inbox_processing for the escalation-service's incident consumer. */
    private static double[] timer(LocalSuite suite) throws Exception {
        return new double[] {
            Bench.sum(Bench.metric(suite, "escalation", "schoolsafe_inbox_processing_seconds_count", GROUP)),
            Bench.sum(Bench.metric(suite, "escalation", "schoolsafe_inbox_processing_seconds_sum", GROUP))
        };
    }

    /**
     * n open cases in the district, each linking one incident of a pupil of its own, long ago, and due in a month: a
     * district's steady state, not a backlog of deadlines for the escalation-service to announce meanwhile.
     */
    private static void seedOpenCases(Connection db, String district, int n) throws Exception {
        try (PreparedStatement seed =
                db.prepareStatement("""
                WITH params AS (SELECT CAST(? AS text) AS district, CAST(? AS int) AS n),
                seeded AS (
                  SELECT md5(district || '-incident-' || g)::uuid AS incident_id, md5(district || '-case-' || g)::uuid AS case_id,
                         'ps-seed-' || district || '-' || g AS pseudonym, district, 'SEED01' AS school,
                         now() - interval '2 years' + g * interval '1 hour' AS at, 0 AS link_position, 0 AS firing_position
                  FROM params, LATERAL generate_series(1, params.n) g),
                cases AS (
                  INSERT INTO escalation_case (id, district_id, status, priority, opened_at, response_due_at, version)
                  SELECT case_id, district, 'OPEN', 'HIGH', at, now() + interval '30 days', 0 FROM seeded),
                """ + Bench.linkedIncidents("OUTSIDE_SCHOOL_MEDIUM_OR_HIGHER"))) {
            seed.setString(1, district);
            seed.setInt(2, n);
            seed.executeUpdate();
        }
        analyze(db);
    }

    /**
     * Fresh planner statistics after a seed: a district's cases grow over a school year, with autovacuum keeping up,
     * not by a thousand rows a moment before the measurement, when the planner still takes the tables for tiny.
     */
    private static void analyze(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            for (String table : List.of(
                    "escalation_case", "case_incident", "rule_firing", "incident_seen", "incident_person_seen")) {
                statement.execute("VACUUM ANALYZE " + table);
            }
        }
    }

    /** Links n more incidents of the same pupil, seeded with SQL, to the case the first incident opened. */
    private static void growCase(Connection db, String incidentId, int n) throws Exception {
        String caseId, pseudonym, district;
        try (PreparedStatement find =
                db.prepareStatement("SELECT ci.case_id, p.pseudonym, s.district_id FROM case_incident ci "
                        + "JOIN incident_person_seen p ON p.incident_id = ci.incident_id AND p.position = 0 "
                        + "JOIN incident_seen s ON s.incident_id = ci.incident_id WHERE ci.incident_id = ?::uuid")) {
            find.setString(1, incidentId);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                caseId = row.getString(1);
                pseudonym = row.getString(2);
                district = row.getString(3);
            }
        }
        try (PreparedStatement seed = db.prepareStatement("""
                WITH target AS (
                  SELECT CAST(? AS uuid) AS case_id,
                         (SELECT count(*) FROM case_incident WHERE case_id = CAST(? AS uuid)) AS links,
                         (SELECT count(*) FROM rule_firing WHERE case_id = CAST(? AS uuid)) AS firings),
                seeded AS (
                  -- positions continue the lists' own, without a gap: Hibernate reads a gap as a null element
                  SELECT md5(case_id::text || '-grown-' || g)::uuid AS incident_id, case_id, CAST(? AS text) AS pseudonym,
                         CAST(? AS text) AS district, 'SEED01' AS school, now() - interval '3 days' + g * interval '1 second' AS at,
                         links + g - 1 AS link_position, firings + g - 1 AS firing_position
                  FROM target, LATERAL generate_series(1, CAST(? AS int)) g),
                """ + Bench.linkedIncidents("SAME_PSEUDONYM_AT_SCHOOLS"))) {
            seed.setString(1, caseId);
            seed.setString(2, caseId);
            seed.setString(3, caseId);
            seed.setString(4, pseudonym);
            seed.setString(5, district);
            seed.setInt(6, n);
            seed.executeUpdate();
        }
        analyze(db);
    }

    /** Registers cross-school incidents (a pupil of 31CV01 at 30BR01) at a fixed rate, open loop. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        private final String url;
        private final String token;

        Client(String url, String token) {
            this.url = url;
            this.token = token;
        }

        List<Registered> load(int rate, int seconds, String district, java.util.function.IntFunction<String> pupil)
                throws InterruptedException {
            List<Registered> sent = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(32);
            long start = System.nanoTime();
            int total = rate * seconds;
            for (int i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String student = pupil.apply(i);
                pool.execute(() -> {
                    try {
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .header(
                                                "Idempotency-Key",
                                                UUID.randomUUID().toString())
                                        .POST(HttpRequest.BodyPublishers.ofString(body(district, student)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        if (response.statusCode() == 201) {
                            JsonNode view = TestEvents.JSON.readTree(response.body());
                            sent.add(new Registered(view.get("id").asText(), at));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            if (failed.get() > 0) {
                System.out.println("  " + failed.get() + " registrations failed");
            }
            return new ArrayList<>(sent);
        }

        /** The city's districts in turn, unless one is given: cases open all over the city, as they would. */
        private static final String[] DISTRICTS = {
            "centrum", "delfshaven", "feijenoord", "charlois", "noord", "prins-alexander", "overschie", "hoogvliet"
        };

        private final AtomicInteger turn = new AtomicInteger();

        private String body(String district, String student) {
            String where = district != null ? district : DISTRICTS[turn.getAndIncrement() % DISTRICTS.length];
            return """
                    {"schoolLocationId":"30BR01","district":"%s","occurredAt":"%s","locationType":"IN_SCHOOL",
                     "category":"PHYSICAL_VIOLENCE","severity":"MEDIUM","description":"Benchmark fight in the canteen",
                     "involvedPersons":[{"role":"SUSPECT","kind":"STUDENT","studentNumber":"%s","schoolLocationId":"31CV01"}]}""".formatted(where, OffsetDateTime.now().minusMinutes(1), student);
        }
    }

    /** When each incident first appeared in an escalation event, read from the topic as it is written. */
    private static final class CaseWatcher implements AutoCloseable {
        final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        CaseWatcher(LocalSuite suite) {
            Properties props = new Properties();
            props.putAll(suite.infra().kafkaAdmin());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            KafkaConsumer<String, byte[]> consumer =
                    new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            thread = new Thread(() -> {
                try (consumer) {
                    List<TopicPartition> partitions = new ArrayList<>();
                    while (partitions.isEmpty() && running) {
                        try {
                            consumer.partitionsFor("escalation.events", Duration.ofSeconds(5))
                                    .forEach(p ->
                                            partitions.add(new TopicPartition("escalation.events", p.partition())));
                        } catch (TimeoutException e) {
                            // a busy machine's first metadata answer can take longer: ask again
                        }
                    }
                    consumer.assign(partitions);
                    while (running) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                            long now = System.nanoTime();
                            Object ids = TestEvents.payload(record).get("incidentIds");
                            if (ids instanceof List<?> list) {
                                list.forEach(id -> seen.putIfAbsent(String.valueOf(id), now));
                            }
                        }
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        int missing(List<Registered> sent) {
            return (int) sent.stream().filter(r -> !seen.containsKey(r.id())).count();
        }

        /** The moment the last of them was seen, waiting at most {@code timeout}. */
        long awaitAll(List<Registered> sent, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (missing(sent) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return sent.stream()
                    .map(r -> seen.getOrDefault(r.id(), System.nanoTime()))
                    .max(Long::compare)
                    .orElse(System.nanoTime());
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }
}
