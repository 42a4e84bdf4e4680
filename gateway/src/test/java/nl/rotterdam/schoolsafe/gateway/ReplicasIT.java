package nl.rotterdam.schoolsafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two incident-services and two escalation-services behind the gateway, one of each killed with SIGKILL in the
 * middle of a load: no acknowledged registration lost, no event doubled in effect, each incident's events in order
 * on the topic, each overdue case announced once (decision 10).
 */
class ReplicasIT {
    private static final String REPORTED = "nl.rotterdam.schoolsafe.incident.reported.v1";
    private static final String UPDATED = "nl.rotterdam.schoolsafe.incident.updated.v1";
    private static final String OVERDUE = "nl.rotterdam.schoolsafe.escalation.overdue.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 4;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aKilledReplicaOfEachServiceLosesNothingDoublesNothingAndKeepsEachIncidentsOrder() throws Exception {
        Path root = Path.of(System.getProperty("schoolsafe.root", ".."))
                .toAbsolutePath()
                .normalize();
        LocalSuite.Layout layout = LocalSuite.Layout.forTests(
                root,
                Files.createTempDirectory("replicas"),
                Map.of(
                        // cases fall overdue within the test, checked each second by both escalation-services
                        "SCHOOLSAFE_ESCALATION_RESPONSE_CRITICAL", "PT25S",
                        "SCHOOLSAFE_ESCALATION_DEADLINE_CHECK", "1s",
                        "RATE_LIMIT_WRITES", "100000",
                        "RATE_LIMIT_READS", "100000"));
        try (LocalSuite suite = LocalSuite.start(
                layout, Map.of("incident", 2, "escalation", 2), step -> System.out.println("[replicas] " + step))) {
            new DemoData(suite.gatewayUrl(), suite.tokens()).load();
            String staff = suite.tokens().mint(DemoData.ROLES.get("SCHOOL_STAFF"));
            String coordinator = suite.tokens().mint(DemoData.ROLES.get("SAFETY_COORDINATOR"));

            Map<String, Integer> acknowledged = new ConcurrentHashMap<>(); // incident id → steps acknowledged (1, 2)
            AtomicInteger retried = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        String id = call(suite, "POST", "/api/v1/incidents", staff, incident(), retried, 201);
                        if (id == null) {
                            continue;
                        }
                        acknowledged.put(id, 1);
                        if (call(
                                        suite,
                                        "POST",
                                        "/api/v1/incidents/" + id + "/start-follow-up",
                                        coordinator,
                                        null,
                                        retried,
                                        200)
                                != null) {
                            acknowledged.put(id, 2);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(6_000);
            suite.kill("incident");
            System.out.println("[replicas] killed incident-service #1 with " + acknowledged.size() + " acknowledged");
            Thread.sleep(6_000);
            suite.kill("escalation");
            System.out.println("[replicas] killed escalation-service #1 with " + acknowledged.size() + " acknowledged");
            Thread.sleep(8_000);
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS), "the clients finished");
            System.out.printf(
                    "[replicas] load: %d clients, %d incidents acknowledged (%d with follow-up), %d retries%n",
                    CLIENTS,
                    acknowledged.size(),
                    acknowledged.values().stream().filter(v -> v == 2).count(),
                    retried.get());
            assertTrue(acknowledged.size() > 20, "the load ran: " + acknowledged.size());

            // no acknowledged registration lost: in the database and, in the end, published
            try (Connection incidents = connect(suite, "incident")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (count(incidents, "SELECT count(*) FROM outbox_message WHERE published_at IS NULL") > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                for (String id : acknowledged.keySet()) {
                    assertEquals(1, count(incidents, "SELECT count(*) FROM incident WHERE id = '" + id + "'"), id);
                }
                assertEquals(0, count(incidents, "SELECT count(*) FROM outbox_message WHERE published_at IS NULL"));
            }

            // each incident's events in order on the topic (a republished record may repeat, never overtake)
            Set<String> keys = acknowledged.keySet();
            List<ConsumerRecord<String, byte[]>> records = TopicReader.read(
                    suite.infra().bootstrapServers(),
                    "incident.events",
                    r -> keys.contains(r.key()),
                    Integer.MAX_VALUE,
                    Duration.ofSeconds(10));
            Map<String, List<String>> typesByIncident = firstAppearances(records);
            int outOfOrder = 0;
            int missing = 0;
            for (Map.Entry<String, Integer> incident : acknowledged.entrySet()) {
                List<String> types = typesByIncident.getOrDefault(incident.getKey(), List.of());
                if (types.isEmpty() || (incident.getValue() == 2 && !types.contains(UPDATED))) {
                    missing++;
                } else if (!inOrder(types)) {
                    outOfOrder++;
                }
            }
            System.out.printf(
                    "[replicas] on incident.events: %d records for %d incidents, %d repeated, %d missing, %d out of"
                            + " order%n",
                    records.size(),
                    typesByIncident.size(),
                    records.size()
                            - typesByIncident.values().stream()
                                    .mapToInt(List::size)
                                    .sum(),
                    missing,
                    outOfOrder);
            assertEquals(0, missing, "every acknowledged change is on the topic");
            assertEquals(0, outOfOrder, "no incident's events out of order");

            // no event doubled in effect: each incident is in exactly one case, seen once
            try (Connection escalation = connect(suite, "escalation")) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (linked(escalation, keys) < keys.size() && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                List<String> notOnce = new ArrayList<>();
                for (String id : keys) {
                    long cases =
                            count(escalation, "SELECT count(*) FROM case_incident WHERE incident_id = '" + id + "'");
                    if (cases != 1) {
                        notOnce.add(id + " in " + cases + " cases");
                    }
                }
                assertEquals(List.of(), notOnce, "each incident joins exactly one case");

                // each overdue case announced once, though both escalation-services check each second
                long cases = count(escalation, "SELECT count(*) FROM escalation_case");
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (count(escalation, "SELECT count(*) FROM escalation_case WHERE NOT overdue AND status = 'OPEN'")
                                > 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                long overdue = count(escalation, "SELECT count(*) FROM escalation_case WHERE overdue");
                assertTrue(overdue > 0, "cases fell overdue: " + overdue + " of " + cases);
                assertEquals(
                        0,
                        count(
                                escalation,
                                "SELECT count(*) FROM (SELECT case_id FROM case_entry WHERE kind = 'overdue'"
                                        + " GROUP BY case_id HAVING count(*) > 1) twice"),
                        "no case has two overdue entries");
                List<ConsumerRecord<String, byte[]>> announcements = TopicReader.read(
                        suite.infra().bootstrapServers(),
                        "escalation.events",
                        r -> OVERDUE.equals(type(r)),
                        (int) overdue,
                        Duration.ofSeconds(30));
                Map<String, Set<String>> announcedIds = new TreeMap<>();
                for (ConsumerRecord<String, byte[]> record : announcements) {
                    announcedIds
                            .computeIfAbsent(record.key(), k -> new java.util.TreeSet<>())
                            .add(event(record).getId());
                }
                System.out.printf(
                        "[replicas] %d cases, %d overdue, %d overdue announcements on escalation.events%n",
                        cases, overdue, announcements.size());
                assertEquals(overdue, announcedIds.size(), "every overdue case announced");
                assertTrue(
                        announcedIds.values().stream().allMatch(ids -> ids.size() == 1),
                        "each overdue case announced once: " + announcedIds);
            }
        }
    }

    /** Each incident's event types in the order their ids first appear on the topic. */
    static Map<String, List<String>> firstAppearances(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        Map<String, List<String>> types = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = event(record);
            if (seen.computeIfAbsent(record.key(), k -> new java.util.HashSet<>())
                    .add(event.getId())) {
                types.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.getType());
            }
        }
        return types;
    }

    /** Registered before updated; the reported event first and once. */
    static boolean inOrder(List<String> types) {
        return !types.isEmpty()
                && types.get(0).equals(REPORTED)
                && types.stream().skip(1).noneMatch(REPORTED::equals);
    }

    @Test
    void theOrderCheckCatchesAnUpdateBeforeItsReport() {
        assertTrue(inOrder(List.of(REPORTED, UPDATED)));
        assertTrue(!inOrder(List.of(UPDATED, REPORTED)), "an update overtaking its report is caught");
        assertTrue(!inOrder(List.of()), "an incident with no event is caught");
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("ce_type");
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static CloudEvent event(ConsumerRecord<String, byte[]> record) {
        return KafkaMessageFactory.createReader(record).toEvent();
    }

    /**
     * One intended change, retried as a client should: on a 503 (a replica died, or the call may have reached it) or a
     * broken connection, again with the same Idempotency-Key; a 409 after a retry means the first attempt took effect.
     * Returns the id (or the path's) once acknowledged, null if the load stopped first.
     */
    private String call(
            LocalSuite suite, String method, String path, String token, String body, AtomicInteger retried, int ok) {
        String key = UUID.randomUUID().toString();
        boolean retry = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == ok || (retry && response.statusCode() == 409 && body == null)) {
                    return body == null
                            ? path
                            : JSON.readTree(response.body()).path("id").asText();
                }
                if (response.statusCode() != 503 && response.statusCode() != 429) {
                    throw new AssertionError(
                            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
                }
            } catch (java.io.IOException e) {
                // the connection broke: the outcome is unknown, the same key makes the retry safe
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            retry = true;
            retried.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        throw new AssertionError(method + " " + path + " not acknowledged within 60 s");
    }

    private static String incident() {
        try {
            return JSON.writeValueAsString(
                    CrossSchoolFlow.incident("R-" + UUID.randomUUID().toString().substring(0, 8), "replica load"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long linked(Connection escalation, Set<String> ids) throws Exception {
        try (PreparedStatement query = escalation.prepareStatement(
                "SELECT count(DISTINCT incident_id) FROM case_incident WHERE incident_id = ANY (?::uuid[])")) {
            query.setArray(1, escalation.createArrayOf("text", ids.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect(LocalSuite suite, String database) throws Exception {
        return DriverManager.getConnection(suite.infra().jdbcUrl(database), "schoolsafe", "schoolsafe");
    }
}
