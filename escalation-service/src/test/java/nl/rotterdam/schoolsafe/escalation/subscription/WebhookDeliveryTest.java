package nl.rotterdam.schoolsafe.escalation.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.rotterdam.schoolsafe.escalation.Awaiting;
import nl.rotterdam.schoolsafe.escalation.Events;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.runtime.ManagementInterface;
import nl.rotterdam.schoolsafe.runtime.PrometheusText;
import nl.rotterdam.schoolsafe.runtime.StandardWebhooks;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner system without Kafka is told over a signed webhook what its stream carries: police subscribe with a real
 * HTTP receiver on loopback, are engaged on case A but not on case B, and receive A's events only, each verified with
 * a verifier written here from the Standard Webhooks specification.
 */
@QuarkusTest
class WebhookDeliveryTest {
    private static final Tokens TOKENS = Tokens.forTests();
    private static final ObjectMapper JSON = new ObjectMapper();
    // districts no other test uses, so no case of theirs joins these
    private static final String DISTRICT_A = "heijplaat";
    private static final String DISTRICT_B = "waalhaven";
    private static final Receiver RECEIVER = new Receiver();

    @Inject
    EntityManager entityManager;

    /** A webhook receiver as a partner would run one: it records what arrives and can be made to fail or hang. */
    static final class Receiver {
        record Received(String path, String id, String timestamp, String signature, String body) {}

        final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
        final AtomicBoolean down = new AtomicBoolean();
        HttpServer server;

        void start() throws Exception {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/hang")) {
                    sleep(Duration.ofSeconds(20));
                }
                int status = down.get() ? 503 : path.startsWith("/garbage") ? 200 : 204;
                if (status < 300) {
                    received.add(new Received(
                            path,
                            exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"),
                            body));
                }
                byte[] answer =
                        path.startsWith("/garbage") ? "\u0000not json{".getBytes(StandardCharsets.UTF_8) : new byte[0];
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        List<Received> at(String path) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    private static String caseA;
    private static String caseB;
    private static String secret;
    private static String subscriptionId;

    @BeforeAll
    static void startReceiver() throws Exception {
        RECEIVER.start();
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.server.stop(0);
    }

    private void openTwoCasesPoliceOnA() throws Exception {
        if (caseA != null) {
            return;
        }
        try (Events events = new Events()) {
            events.partner("police", "POLICE");
            events.partner("zvhrr", "ZVHRR");
            IncidentEvent a = Events.incident(
                    "29HP01", DISTRICT_A, "WEAPON", "HIGH", OffsetDateTime.now().minusHours(1));
            IncidentEvent b = Events.incident(
                    "29WH01", DISTRICT_B, "WEAPON", "HIGH", OffsetDateTime.now().minusHours(1));
            events.reported(a);
            events.reported(b);
            caseA = Awaiting.caseOf(entityManager, a.incidentId());
            caseB = Awaiting.caseOf(entityManager, b.incidentId());
            Awaiting.rows(entityManager, "SELECT 1 FROM partner_seen WHERE partner_id = ?1", "zvhrr");
        }
        var created = given().auth()
                .oauth2(partner("police"))
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", RECEIVER.url("/police"), "eventTypes", List.of("ENGAGED", "CASE_UPDATED")))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("status", equalTo("ACTIVE"))
                .extract();
        secret = created.path("secret");
        subscriptionId = created.path("id");
        assertTrue(secret.startsWith("whsec_"), secret);
        for (String id : List.of(caseA, caseB)) {
            given().auth()
                    .oauth2(expertOf(id))
                    .post("/api/v1/escalations/" + id + "/acknowledge")
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(expertOf(id))
                    .contentType(ContentType.JSON)
                    .body(Map.of("priority", "HIGH"))
                    .post("/api/v1/escalations/" + id + "/triage")
                    .then()
                    .statusCode(200);
        }
        engage(caseA, "police", "POLICE_ACTION");
        engage(caseB, "zvhrr", "VICTIM_PLAN");
        decide(caseB, "Victim plan for the pupil of 29CH02");
        decide(caseA, "Police talk to both groups");
    }

    @Test
    void policeEngagedOnAButNotOnBReceiveExactlyAsEventsSignedAsTheTopicCarriesThem() throws Exception {
        openTwoCasesPoliceOnA();
        List<Receiver.Received> arrived = await("/police", 2);
        List<String> types =
                arrived.stream().map(r -> read(r.body()).path("type").asText()).toList();
        assertEquals(
                1,
                types.stream()
                        .filter(EventType.PARTNER_ENGAGED.cloudEventType()::equals)
                        .count(),
                "engaged once: " + types);
        assertTrue(types.contains(EventType.PARTNER_CASE_UPDATED.cloudEventType()), types.toString());
        List<ConsumerRecord<String, byte[]>> stream = Events.published(
                "partner.police.events",
                caseA,
                EventType.PARTNER_CASE_UPDATED.cloudEventType(),
                1,
                Duration.ofSeconds(10));
        assertTrue(stream.size() >= 1);
        for (Receiver.Received delivery : arrived) {
            assertTrue(verifies(secret, delivery), "the signature verifies: " + delivery.signature());
            JsonNode event = JSON.readTree(delivery.body());
            assertEquals(delivery.id(), event.path("id").asText(), "webhook-id is the event's id");
            assertEquals(caseA, event.path("subject").asText(), "only case A, on which police are engaged");
            assertEquals("police", event.path("data").path("partnerId").asText());
            assertTrue(event.path("data").path("sharedCase").path("chronology").isMissingNode(), "the expert's only");
        }
        Receiver.Received first = arrived.get(0);
        assertFalse(
                verifies(
                        secret,
                        new Receiver.Received(
                                first.path(), first.id(), first.timestamp(), first.signature(), first.body() + " ")),
                "the verifier is not a rubber stamp: a changed body fails");
        ConsumerRecord<String, byte[]> onTopic = stream.get(0);
        String topicId = new String(onTopic.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        JsonNode updated = arrived.stream()
                .map(r -> read(r.body()))
                .filter(e -> e.path("id").asText().equals(topicId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the topic's event " + topicId + " was delivered"));
        assertEquals(JSON.readTree(onTopic.value()), updated.path("data"), "the same matrix-filtered payload");
        assertTrue(
                RECEIVER.received.stream().noneMatch(r -> r.body().contains(caseB)),
                "nothing of case B, on which police are not engaged");
        assertEquals(
                List.of(),
                Events.published(
                        "partner.police.events",
                        caseB,
                        EventType.PARTNER_CASE_UPDATED.cloudEventType(),
                        1,
                        Duration.ofSeconds(2)),
                "nor on police's stream");
    }

    @Test
    void aReceiverDownForAWhileGetsEveryDeliveryInOrderOnceBack() throws Exception {
        openTwoCasesPoliceOnA();
        await("/police", 2);
        int before = RECEIVER.at("/police").size();
        RECEIVER.down.set(true);
        for (int i = 1; i <= 3; i++) {
            decide(caseA, "step " + i);
        }
        Thread.sleep(1500);
        assertEquals(before, RECEIVER.at("/police").size(), "nothing accepted while down");
        // the operator sees deliveries being retried (sampled every second in the tests)
        assertTrue(
                PrometheusText.awaitAtLeast(
                                () -> ManagementInterface.given()
                                        .get("/q/metrics")
                                        .asString(),
                                "schoolsafe_webhook_deliveries_retrying",
                                1,
                                Duration.ofSeconds(10))
                        >= 1,
                "schoolsafe_webhook_deliveries_retrying moved");
        RECEIVER.down.set(false);
        List<Receiver.Received> all = await("/police", before + 3);
        List<Receiver.Received> late = all.subList(before, all.size());
        assertEquals(3, late.size());
        List<String> times =
                late.stream().map(r -> read(r.body()).path("time").asText()).toList();
        assertEquals(times.stream().sorted().toList(), times, "in the order of the case's events");
        assertEquals(3, late.stream().map(Receiver.Received::id).distinct().count());
        late.forEach(r -> assertTrue(verifies(secret, r)));
        // the dispatcher records a delivery after the receiver answered it: the last one may still be on its way
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"DELIVERED".equals(deliveries().path("[0].status")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().auth()
                .oauth2(partner("police"))
                .get("/api/v1/subscriptions/" + subscriptionId + "/deliveries")
                .then()
                .statusCode(200)
                .body("[0].status", equalTo("DELIVERED"))
                .body("findAll { it.attempts > 1 }.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("find { it.lastStatusCode == 204 && it.attempts > 1 }", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aHangingReceiverOfOnePartnerDelaysNoOtherAndARedeliveryKeepsItsWebhookId() throws Exception {
        openTwoCasesPoliceOnA();
        await("/police", 2);
        given().auth()
                .oauth2(partner("zvhrr"))
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", RECEIVER.url("/hang"), "eventTypes", List.of("CASE_UPDATED")))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
        decide(caseB, "hanging receiver gets this");
        int before = RECEIVER.at("/police").size();
        long start = System.nanoTime();
        decide(caseA, "police get this at once");
        await("/police", before + 1);
        assertTrue(
                Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
                "police were not held up by zvhrr's hanging receiver");
        String first = given().auth()
                .oauth2(partner("police"))
                .get("/api/v1/subscriptions/" + subscriptionId + "/deliveries")
                .then()
                .extract()
                .path("[0].id");
        String webhookId = given().auth()
                .oauth2(partner("police"))
                .post("/api/v1/subscriptions/" + subscriptionId + "/deliveries/" + first + "/redelivery")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"))
                .extract()
                .path("webhookId");
        List<Receiver.Received> again = await("/police", before + 2);
        assertEquals(webhookId, again.get(again.size() - 1).id(), "the same webhook-id, so a dedup sees it once");
    }

    @Test
    void aRotatedSecretSignsBesideThePreviousOneDuringTheSwitch() throws Exception {
        openTwoCasesPoliceOnA();
        await("/police", 2);
        String previous = secret;
        String rotated = given().auth()
                .oauth2(partner("police"))
                .post("/api/v1/subscriptions/" + subscriptionId + "/secret-rotation")
                .then()
                .statusCode(200)
                .body("previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                .extract()
                .path("secret");
        secret = rotated;
        int before = RECEIVER.at("/police").size();
        decide(caseA, "after the rotation");
        Receiver.Received signed = await("/police", before + 1).get(before);
        assertEquals(2, signed.signature().split(" ").length, signed.signature());
        assertTrue(verifies(rotated, signed), "the new secret verifies");
        assertTrue(verifies(previous, signed), "and the previous one still does, during the switch");
        assertFalse(verifies(WebhookSignature.newSecret(), signed), "an unrelated secret does not");
    }

    @Test
    void refusesABadCallbackUnknownTypesAndAnotherPartnersSubscription() throws Exception {
        openTwoCasesPoliceOnA();
        given().auth()
                .oauth2(partner("police"))
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", "ftp://hooks.example.org/x", "eventTypes", List.of("ENGAGED")))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("callbackUrl"));
        given().auth()
                .oauth2(partner("police"))
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", "https://10.0.0.1/x", "eventTypes", List.of("ENGAGED")))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("callbackUrl"))
                .body("errors[0].message", containsString("10.0.0.1"));
        given().auth()
                .oauth2(partner("police"))
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", RECEIVER.url("/x"), "eventTypes", List.of("ENGAGED", "EVERYTHING")))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("eventTypes"));
        given().auth()
                .oauth2(partner("zvhrr"))
                .get("/api/v1/subscriptions/" + subscriptionId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(partner("zvhrr"))
                .post("/api/v1/subscriptions/" + subscriptionId + "/secret-rotation")
                .then()
                .statusCode(404);
    }

    private static boolean verifies(String secret, Receiver.Received delivery) {
        return StandardWebhooks.verifies(
                secret, delivery.id(), delivery.timestamp(), delivery.body(), delivery.signature());
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Receiver.Received> await(String path, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (RECEIVER.at(path).size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return new ArrayList<>(RECEIVER.at(path));
    }

    private static void engage(String caseId, String partner, String purpose) {
        given().auth()
                .oauth2(expertOf(caseId))
                .contentType(ContentType.JSON)
                .body(Map.of("partnerId", partner, "purpose", purpose))
                .post("/api/v1/escalations/" + caseId + "/engagements")
                .then()
                .statusCode(201);
    }

    private static void decide(String caseId, String decision) {
        given().auth()
                .oauth2(expertOf(caseId))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", decision))
                .post("/api/v1/escalations/" + caseId + "/decisions")
                .then()
                .statusCode(200);
    }

    private static Response deliveries() {
        return given().auth().oauth2(partner("police")).get("/api/v1/subscriptions/" + subscriptionId + "/deliveries");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String expertOf(String caseId) {
        return expert(caseId.equals(caseA) ? DISTRICT_A : DISTRICT_B);
    }

    private static String expert(String district) {
        return TOKENS.mint(Tokens.Holder.expert("expert-" + district, district));
    }

    private static String partner(String id) {
        return TOKENS.mint(Tokens.Holder.partner("officer-" + id, id));
    }
}
