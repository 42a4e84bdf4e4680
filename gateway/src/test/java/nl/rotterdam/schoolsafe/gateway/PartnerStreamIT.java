package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.rotterdam.schoolsafe.runtime.BrokerAccess;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.StandardWebhooks;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Police tooling on the real suite: its own principal reads its own stream and is refused the internal topics, and
 * a webhook whose delivery was owed when the escalation-service was killed with SIGKILL arrives after the restart.
 */
class PartnerStreamIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConcurrentLinkedQueue<Map<String, String>> RECEIVED = new ConcurrentLinkedQueue<>();
    private static final AtomicBoolean DOWN = new AtomicBoolean(true);
    private static LocalSuite suite;
    private static HttpServer receiver;

    @BeforeAll
    static void start() throws Exception {
        suite = SharedSuite.get();
        BrokerAccess.grantPartner(suite.infra().bootstrapServers(), "police");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/police", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!DOWN.get()) {
                RECEIVED.add(Map.of(
                        "id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", exchange.getRequestHeaders().getFirst("webhook-signature"),
                        "body", body));
            }
            exchange.sendResponseHeaders(DOWN.get() ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void policeReadTheirStreamOnlyAndAWebhookOwedAtAKillArrivesAfterTheRestart() throws Exception {
        String police = SharedSuite.token("PARTNER");
        // a district the other system tests leave alone, so no case of theirs is involved
        String expert = suite.tokens().mint(Tokens.Holder.expert("expert-feijenoord", "feijenoord"));
        String secret = given().auth()
                .oauth2(police)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "callbackUrl",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/police",
                        "eventTypes",
                        List.of("ENGAGED")))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        String subscription = given().auth()
                .oauth2(police)
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .path("[-1].id");

        String caseId = openCase(expert);
        given().auth()
                .oauth2(expert)
                .contentType(ContentType.JSON)
                .body(Map.of("partnerId", "police", "purpose", "POLICE_ACTION"))
                .post("/api/v1/escalations/" + caseId + "/engagements")
                .then()
                .statusCode(201);

        String bootstrap = suite.infra().bootstrapServers();
        String principal = BrokerAccess.partnerPrincipal("police");
        List<ConsumerRecord<String, byte[]>> stream = TopicReader.read(
                bootstrap, principal, "partner.police.events", r -> caseId.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, stream.size(), "police read the engagement on their own stream");
        String eventId = new String(stream.get(0).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        for (String internal : List.of("incident.events", "escalation.events", "partner.zvhrr.events")) {
            assertThrows(
                    TopicAuthorizationException.class,
                    () -> TopicReader.read(bootstrap, principal, internal, r -> true, 1, Duration.ofSeconds(10)),
                    "police may not read " + internal);
        }

        awaitAttempt(police, subscription);
        suite.kill("escalation");
        DOWN.set(false);
        Thread.sleep(3000);
        assertTrue(RECEIVED.isEmpty(), "with the escalation-service dead nothing delivers: the restart must");
        suite.launch("escalation");
        suite.awaitReady("escalation");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (RECEIVED.stream().noneMatch(r -> r.get("id").equals(eventId)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, String> delivered = RECEIVED.stream()
                .filter(r -> r.get("id").equals(eventId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the owed delivery did not arrive after the restart"));
        assertTrue(
                StandardWebhooks.verifies(
                        secret,
                        delivered.get("id"),
                        delivered.get("timestamp"),
                        delivered.get("body"),
                        delivered.get("signature")),
                "signed as Standard Webhooks: " + delivered.get("signature"));
        JsonNode event = JSON.readTree(delivered.get("body"));
        assertEquals(caseId, event.path("subject").asText());
        assertEquals(JSON.readTree(stream.get(0).value()), event.path("data"), "the same payload as the stream");
    }

    private static String openCase(String expert) throws InterruptedException {
        String incidentId = given().auth()
                .oauth2(suite.tokens().mint(Tokens.Holder.school("staff-lmc", "SCHOOL_STAFF", "32LM01")))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "schoolLocationId", "32LM01",
                        "occurredAt", OffsetDateTime.now().minusMinutes(20).toString(),
                        "locationType", "SCHOOL_SURROUNDINGS",
                        "category", "WEAPON",
                        "severity", "HIGH",
                        "description", "Knife shown outside the gate",
                        "involvedPersons", List.of()))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> cases = CrossSchoolFlow.queue(expert).stream()
                    .filter(c -> CrossSchoolFlow.links(c, incidentId))
                    .map(c -> (String) c.get("id"))
                    .toList();
            if (!cases.isEmpty()) {
                String caseId = cases.get(0);
                String status = given().auth()
                        .oauth2(expert)
                        .get("/api/v1/escalations/" + caseId)
                        .then()
                        .extract()
                        .path("status");
                if ("OPEN".equals(status)) {
                    given().auth()
                            .oauth2(expert)
                            .post("/api/v1/escalations/" + caseId + "/acknowledge")
                            .then()
                            .statusCode(200);
                }
                if (!"TRIAGED"
                        .equals(given().auth()
                                .oauth2(expert)
                                .get("/api/v1/escalations/" + caseId)
                                .then()
                                .extract()
                                .path("status"))) {
                    given().auth()
                            .oauth2(expert)
                            .contentType(ContentType.JSON)
                            .body(Map.of("priority", "HIGH"))
                            .post("/api/v1/escalations/" + caseId + "/triage")
                            .then()
                            .statusCode(200)
                            .body("status", equalTo("TRIAGED"));
                }
                return caseId;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no case for incident " + incidentId);
    }

    /** Waits until the dispatcher tried and the receiver refused, so the delivery is owed, not yet made. */
    private static void awaitAttempt(String police, String subscription) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Integer attempts = given().auth()
                    .oauth2(police)
                    .get("/api/v1/subscriptions/" + subscription + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("[0].attempts");
            if (attempts != null && attempts >= 1) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the dispatcher never tried the delivery");
    }
}
