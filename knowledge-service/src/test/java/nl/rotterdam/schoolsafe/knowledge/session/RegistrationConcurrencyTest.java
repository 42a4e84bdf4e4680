package nl.rotterdam.schoolsafe.knowledge.session;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import nl.rotterdam.schoolsafe.knowledge.Api;
import nl.rotterdam.schoolsafe.knowledge.Events;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The seat invariant under real concurrency: real HTTP requests released at once against the real
 * database, and a negative control proving the same load does overbook when the guard is absent.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "knowledge"))
class RegistrationConcurrencyTest {
    static final int SEATS = 10;
    static final int REGISTRANTS = 100;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Row(String id, String registrant, String status, Long queueKey, long order) {}

    /** Every registration of a session, in the database's own words. */
    static List<Row> rows(String sessionId) throws SQLException {
        try (Connection db = database();
                PreparedStatement select = db.prepareStatement(
                        "SELECT CAST(id AS text), registrant, status, queue_key FROM session_registration WHERE session_id = CAST(? AS uuid) "
                                + "ORDER BY registered_at, id")) {
            select.setString(1, sessionId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                long order = 0;
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), (Long) r.getObject(4), order++));
                }
            }
            return rows;
        }
    }

    static int counter(String sessionId) throws SQLException {
        try (Connection db = database();
                PreparedStatement select =
                        db.prepareStatement("SELECT confirmed_seats FROM expert_session WHERE id = CAST(? AS uuid)")) {
            select.setString(1, sessionId);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(RealInfrastructure.jdbcUrl("knowledge"), "schoolsafe", "schoolsafe");
    }

    /** Runs the tasks on as many threads, all released by one latch. */
    static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** 100 registrations at once over HTTP; returns the session id. */
    String fullSession() throws Exception {
        String sessionId = Api.schedule(SEATS);
        List<Callable<HttpResponse<String>>> registrations = IntStream.range(0, REGISTRANTS)
                .<Callable<HttpResponse<String>>>mapToObj(i -> () -> post(
                        "/api/v1/sessions/" + sessionId + "/registrations",
                        Api.staff("racer-" + sessionId + "-" + i, "30BR01"),
                        "{\"schoolLocationId\":\"30BR01\"}"))
                .toList();
        List<HttpResponse<String>> answers = atOnce(registrations);
        answers.forEach(a -> assertEquals(201, a.statusCode(), a.body()));
        long confirmedAnswers = answers.stream()
                .filter(a -> a.body().contains("\"status\":\"CONFIRMED\""))
                .count();
        assertEquals(SEATS, confirmedAnswers, "answers saying CONFIRMED");
        return sessionId;
    }

    @Test
    void hundredConcurrentRegistrationsForTenSeatsConfirmExactlyTenAndQueueNinetyInArrivalOrder() throws Exception {
        String sessionId = fullSession();
        List<Row> rows = rows(sessionId);
        List<Row> confirmed =
                rows.stream().filter(r -> r.status.equals("CONFIRMED")).toList();
        List<Row> waiting =
                rows.stream().filter(r -> r.status.equals("WAITING")).toList();
        System.out.printf(
                "concurrency: %d registrations for %d seats -> %d confirmed, %d waiting, counter %d%n",
                rows.size(), SEATS, confirmed.size(), waiting.size(), counter(sessionId));
        assertEquals(REGISTRANTS, rows.size());
        assertEquals(SEATS, confirmed.size());
        assertEquals(REGISTRANTS - SEATS, waiting.size());
        assertEquals(SEATS, counter(sessionId));
        assertEquals(
                REGISTRANTS, new HashSet<>(rows.stream().map(Row::registrant).toList()).size());
        // the waiting list is 1..90 without gaps or ties, in the order the registrations were decided
        assertEquals(
                IntStream.rangeClosed(1, REGISTRANTS - SEATS)
                        .mapToObj(i -> (long) i)
                        .toList(),
                waiting.stream().map(Row::queueKey).toList());
        // every confirmed registration was decided before every waiting one
        assertTrue(confirmed.stream().mapToLong(Row::order).max().orElseThrow()
                < waiting.stream().mapToLong(Row::order).min().orElseThrow());
        // and the API shows the same list: confirmed first, then waiting positions 1..90
        List<Map<String, Object>> listed = given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(
                waiting.stream().map(Row::id).toList(),
                listed.subList(SEATS, REGISTRANTS).stream()
                        .map(m -> (String) m.get("id"))
                        .toList());
        assertEquals(
                IntStream.rangeClosed(1, REGISTRANTS - SEATS).boxed().toList(),
                listed.subList(SEATS, REGISTRANTS).stream()
                        .map(m -> (Integer) m.get("waitingPosition"))
                        .toList());
        given().auth()
                .oauth2(Api.staff("anyone", "30BR01"))
                .get("/api/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .body("confirmedSeats", org.hamcrest.Matchers.equalTo(SEATS))
                .body("waiting", org.hamcrest.Matchers.equalTo(REGISTRANTS - SEATS))
                .body("seatsLeft", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void twoRacingCancellationsPromoteExactlyTheFirstTwoWaitingAndNeverExceedCapacity() throws Exception {
        String sessionId = fullSession();
        List<Row> before = rows(sessionId);
        List<Row> confirmed =
                before.stream().filter(r -> r.status.equals("CONFIRMED")).toList();
        List<Row> waiting =
                before.stream().filter(r -> r.status.equals("WAITING")).toList();
        Row first = confirmed.get(0);
        Row second = confirmed.get(1);
        List<HttpResponse<String>> answers = atOnce(List.<Callable<HttpResponse<String>>>of(
                () -> post(
                        "/api/v1/sessions/" + sessionId + "/registrations/" + first.id + "/cancel",
                        Api.staff(first.registrant, "30BR01"),
                        ""),
                () -> post(
                        "/api/v1/sessions/" + sessionId + "/registrations/" + second.id + "/cancel",
                        Api.staff(second.registrant, "30BR01"),
                        "")));
        answers.forEach(a -> assertEquals(200, a.statusCode(), a.body()));
        answers.forEach(a -> assertTrue(a.body().contains("\"status\":\"CANCELLED\""), a.body()));

        List<Row> after = rows(sessionId);
        Set<String> nowConfirmed = new HashSet<>(after.stream()
                .filter(r -> r.status.equals("CONFIRMED"))
                .map(Row::id)
                .toList());
        assertEquals(SEATS, nowConfirmed.size());
        assertEquals(SEATS, counter(sessionId));
        assertTrue(
                nowConfirmed.containsAll(List.of(waiting.get(0).id, waiting.get(1).id)),
                "the first two waiting were promoted");
        assertEquals(
                REGISTRANTS - SEATS - 2,
                after.stream().filter(r -> r.status.equals("WAITING")).count());
        assertEquals(
                List.of(first.id, second.id).stream().sorted().toList(),
                after.stream()
                        .filter(r -> r.status.equals("CANCELLED"))
                        .map(Row::id)
                        .sorted()
                        .toList());

        List<String> promoted = Events.published(
                        sessionId, EventType.KNOWLEDGE_REGISTRATION_CHANGED, REGISTRANTS + 4, Duration.ofSeconds(30))
                .stream()
                .map(Events::payload)
                .filter(p -> "PROMOTED".equals(p.get("change")))
                .map(p -> (String) p.get("registrationId"))
                .toList();
        assertEquals(
                List.of(waiting.get(0).id, waiting.get(1).id).stream().sorted().toList(),
                promoted.stream().sorted().toList());
    }

    /**
     * Negative control: the same 100 concurrent registrations written by a naive read-then-write
     * (count the confirmed rows, then insert) straight into the table. With the seat trigger
     * disabled the load overbooks — so the concurrency tests above can fail; with it enabled the
     * CHECK refuses every write past capacity, even on this unguarded path.
     */
    @Test
    void theSameLoadThroughAnUnguardedReadThenWriteOverbooksWithoutTheDatabaseGuardAndNeverWithIt() throws Exception {
        String unguarded = Api.schedule(SEATS);
        int overbooked;
        try (Connection admin = database()) {
            admin.createStatement()
                    .execute("ALTER TABLE session_registration DISABLE TRIGGER session_registration_seats");
            try {
                naiveLoad(unguarded);
            } finally {
                admin.createStatement()
                        .execute("ALTER TABLE session_registration ENABLE TRIGGER session_registration_seats");
            }
        }
        overbooked = (int) rows(unguarded).stream()
                .filter(r -> r.status.equals("CONFIRMED"))
                .count();

        String guarded = Api.schedule(SEATS);
        int refused = naiveLoad(guarded);
        int confirmed = (int)
                rows(guarded).stream().filter(r -> r.status.equals("CONFIRMED")).count();
        System.out.printf(
                "negative control: unguarded read-then-write without the seat trigger -> %d confirmed for %d seats; "
                        + "with the trigger -> %d confirmed, %d writes refused by the CHECK%n",
                overbooked, SEATS, confirmed, refused);
        assertTrue(overbooked > SEATS, "without the guard the naive path overbooks: " + overbooked);
        assertEquals(SEATS, confirmed);
        assertEquals(SEATS, counter(guarded));
        assertTrue(refused > 0, "the CHECK refused the writes past capacity");
    }

    /** 100 naive registrations on 25 connections released at once; returns how many writes the database refused. */
    static int naiveLoad(String sessionId) throws Exception {
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger queue = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        int threads = 25;
        // connections are opened before the start signal, so the writers really start together
        List<Connection> connections = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            connections.add(database());
        }
        for (int t = 0; t < threads; t++) {
            int worker = t;
            Connection db = connections.get(t);
            workers.add(() -> {
                try (db) {
                    for (int i = worker; i < REGISTRANTS; i += threads) {
                        int confirmed;
                        try (PreparedStatement count = db.prepareStatement(
                                "SELECT count(*) FROM session_registration WHERE session_id = CAST(? AS uuid) AND status = 'CONFIRMED'")) {
                            count.setString(1, sessionId);
                            try (ResultSet r = count.executeQuery()) {
                                r.next();
                                confirmed = r.getInt(1);
                            }
                        }
                        boolean seat = confirmed < SEATS;
                        // the time an application takes between its read and its write; it widens the race a guard must
                        // close
                        Thread.sleep(5);
                        try (PreparedStatement insert = db.prepareStatement("""
                                INSERT INTO session_registration (id, session_id, registrant, school_location_id, status, queue_key, registered_at)
                                VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, '30BR01', ?, ?, now())""")) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, sessionId);
                            insert.setString(3, "naive-" + i);
                            insert.setString(4, seat ? "CONFIRMED" : "WAITING");
                            insert.setObject(5, seat ? null : (long) queue.incrementAndGet());
                            insert.executeUpdate();
                        } catch (SQLException e) {
                            assertEquals("23514", e.getSQLState(), e.getMessage());
                            refused.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        atOnce(workers);
        return refused.get();
    }
}
