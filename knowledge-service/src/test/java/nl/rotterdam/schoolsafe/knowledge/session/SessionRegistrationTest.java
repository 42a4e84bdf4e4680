package nl.rotterdam.schoolsafe.knowledge.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.knowledge.Api;
import nl.rotterdam.schoolsafe.knowledge.Events;
import nl.rotterdam.schoolsafe.knowledge.TestClock;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.runtime.ManagementInterface;
import nl.rotterdam.schoolsafe.runtime.PrometheusText;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "knowledge"))
class SessionRegistrationTest {
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void schedulingASessionIsAnnouncedOnTheTopicWithoutItsTitle() {
        String sessionId = Api.schedule(12);
        given().auth()
                .oauth2(Api.coordinator("c1", "30BR01"))
                .get("/api/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("capacity", equalTo(12))
                .body("seatsLeft", equalTo(12))
                .body("registrationOpen", equalTo(true))
                .body("kind", equalTo("SEXUAL_RESILIENCE"));
        List<ConsumerRecord<String, byte[]>> records =
                Events.published(sessionId, EventType.KNOWLEDGE_SESSION_SCHEDULED, 1, Duration.ofSeconds(20));
        assertEquals(1, records.size());
        Map<?, ?> payload = Events.payload(records.get(0));
        assertEquals(sessionId, payload.get("sessionId"));
        assertEquals("SCHEDULED", payload.get("status"));
        assertEquals(12, payload.get("capacity"));
        assertFalse(payload.containsKey("title"));
    }

    @Test
    void reschedulingAndCancellingAreAnnouncedAsSuchNotAsANewSchedule() {
        String sessionId = Api.schedule(4);
        OffsetDateTime start = OffsetDateTime.parse(given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + sessionId)
                .path("startsAt"));
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(Api.sessionBody(6, start, start.minusDays(1)))
                .put("/api/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""));
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"1\"")
                .post("/api/v1/sessions/" + sessionId + "/cancel")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("status", equalTo("CANCELLED"));
        Map<?, ?> rescheduled = Events.payload(
                Events.published(sessionId, EventType.KNOWLEDGE_SESSION_RESCHEDULED, 1, Duration.ofSeconds(20))
                        .get(0));
        assertEquals(6, rescheduled.get("capacity"));
        assertEquals("SCHEDULED", rescheduled.get("status"));
        Map<?, ?> cancelled = Events.payload(
                Events.published(sessionId, EventType.KNOWLEDGE_SESSION_CANCELLED, 1, Duration.ofSeconds(20))
                        .get(0));
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals(
                1,
                Events.published(sessionId, EventType.KNOWLEDGE_SESSION_SCHEDULED, 2, Duration.ofSeconds(5))
                        .size(),
                "scheduled once, not again on the change or the cancellation");
    }

    @Test
    void aCancellationMovesTheFirstWaitingUpAndAnnouncesBothChanges() {
        String sessionId = Api.schedule(1);
        String first = Api.register(sessionId, "p-first", "30BR01");
        String second = Api.register(sessionId, "p-second", "31CV01");
        String third = Api.register(sessionId, "p-third", "30BR01");
        given().auth()
                .oauth2(Api.staff("p-third", "30BR01"))
                .get("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(third))
                .body("[0].status", equalTo("WAITING"))
                .body("[0].waitingPosition", equalTo(2));
        given().auth()
                .oauth2(Api.staff("p-first", "30BR01"))
                .post("/api/v1/sessions/" + sessionId + "/registrations/" + first + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelledAt", notNullValue());
        given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(second, third, first))
                .body("status", org.hamcrest.Matchers.contains("CONFIRMED", "WAITING", "CANCELLED"))
                .body("[1].waitingPosition", equalTo(1));
        List<Map<?, ?>> changes =
                Events.published(sessionId, EventType.KNOWLEDGE_REGISTRATION_CHANGED, 5, Duration.ofSeconds(20))
                        .stream()
                        .<Map<?, ?>>map(Events::payload)
                        .toList();
        assertEquals(
                List.of("REGISTERED", "REGISTERED", "REGISTERED", "CANCELLED", "PROMOTED"),
                changes.stream().map(c -> c.get("change")).toList());
        Map<?, ?> promoted = changes.get(4);
        assertEquals(second, promoted.get("registrationId"));
        assertEquals("CONFIRMED", promoted.get("status"));
        assertEquals(1, promoted.get("confirmedSeats"));
        assertEquals("31CV01", promoted.get("schoolLocationId"));
        assertFalse(changes.stream().anyMatch(c -> c.containsKey("registrant")), "no account ids on the topic");
    }

    @Test
    void oneLiveRegistrationPerPersonPerSessionIsA409() {
        String sessionId = Api.schedule(5);
        Api.register(sessionId, "p-dup", "30BR01");
        given().auth()
                .oauth2(Api.staff("p-dup", "30BR01"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/already-registered"));
        given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .body("$", hasSize(1));
    }

    @Test
    void registeringAfterTheDeadlineOnceStartedOrForACancelledSessionIsA409() {
        String closing = Api.schedule(5);
        clock.advance(Duration.ofDays(6).plusHours(1));
        given().auth()
                .oauth2(Api.staff("late", "30BR01"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/sessions/" + closing + "/registrations")
                .then()
                .statusCode(409)
                .body("type", endsWith("/registration-closed"));
        clock.advance(Duration.ofDays(2));
        given().auth()
                .oauth2(Api.staff("late", "30BR01"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/sessions/" + closing + "/registrations")
                .then()
                .statusCode(409)
                .body("type", endsWith("/session-past"));
        clock.reset();

        String cancelled = Api.schedule(5);
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .post("/api/v1/sessions/" + cancelled + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("registrationOpen", equalTo(false));
        given().auth()
                .oauth2(Api.staff("late", "30BR01"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/sessions/" + cancelled + "/registrations")
                .then()
                .statusCode(409)
                .body("type", endsWith("/session-cancelled"));
        given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + closing + "/registrations")
                .then()
                .body("$", hasSize(0));
    }

    @Test
    void capacityBelowTheConfirmedSeatsIsRefusedWithTheNumbersAndMoreCapacityPromotes() throws Exception {
        String sessionId = Api.schedule(2);
        Api.register(sessionId, "cap-a", "30BR01");
        Api.register(sessionId, "cap-b", "30BR01");
        String c = Api.register(sessionId, "cap-c", "30BR01");
        assertTrue(
                PrometheusText.awaitAtLeast(
                                () -> ManagementInterface.given()
                                        .get("/q/metrics")
                                        .asString(),
                                "schoolsafe_knowledge_sessions_full",
                                1,
                                Duration.ofSeconds(10))
                        >= 1,
                "the operator sees a full session");
        // every registration changed the seats the session shows, so each moved its ETag
        var read = given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + sessionId)
                .then()
                .header("ETag", equalTo("\"3\""))
                .extract();
        OffsetDateTime start = OffsetDateTime.parse(read.path("startsAt"));
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(Api.sessionBody(3, start, start.minusDays(1)))
                .put("/api/v1/sessions/" + sessionId)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", read.header("ETag"))
                .contentType(ContentType.JSON)
                .body(Api.sessionBody(1, start, start.minusDays(1)))
                .put("/api/v1/sessions/" + sessionId)
                .then()
                .statusCode(409)
                .body("type", endsWith("/capacity-below-confirmed"))
                .body("context.requestedCapacity", equalTo(1))
                .body("context.confirmedSeats", equalTo(2))
                .body("detail", containsString("capacity 1 is below the 2 seats"));
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body(Api.sessionBody(3, start, start.minusDays(1)))
                .put("/api/v1/sessions/" + sessionId)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", "\"7\"")
                .contentType(ContentType.JSON)
                .body(Api.sessionBody(3, start, start.minusDays(1)))
                .put("/api/v1/sessions/" + sessionId)
                .then()
                .statusCode(412);
        given().auth()
                .oauth2(Api.municipality())
                .header("If-Match", read.header("ETag"))
                .contentType(ContentType.JSON)
                .body(Api.sessionBody(3, start, start.minusDays(1)))
                .put("/api/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"4\""))
                .body("capacity", equalTo(3))
                .body("confirmedSeats", equalTo(3))
                .body("waiting", equalTo(0));
        given().auth()
                .oauth2(Api.staff("cap-c", "30BR01"))
                .get("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .body("[0].id", equalTo(c))
                .body("[0].status", equalTo("CONFIRMED"))
                .body("[0].waitingPosition", nullValue());
    }

    @Test
    void theOrganiserMovesAWaitingRegistrationOnlyWithAReasonAndTheReasonIsAudited() {
        String sessionId = Api.schedule(1);
        Api.register(sessionId, "pr-a", "30BR01");
        String b = Api.register(sessionId, "pr-b", "30BR01");
        String c = Api.register(sessionId, "pr-c", "32LM01");
        String path = "/api/v1/sessions/" + sessionId + "/registrations/" + c + "/priority-changes";
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body("{\"waitingPosition\":0}")
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("reason", "waitingPosition"));
        given().auth()
                .oauth2(Api.staff("pr-c", "32LM01"))
                .contentType(ContentType.JSON)
                .body("{\"waitingPosition\":1,\"reason\":\"ik wil eerder\"}")
                .post(path)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body("{\"waitingPosition\":1,\"reason\":\"Aandachtslocatie uit de urgentieronde\"}")
                .post(path)
                .then()
                .statusCode(200)
                .body("id", equalTo(c))
                .body("waitingPosition", equalTo(1));
        given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .body("id[1]", equalTo(c))
                .body("id[2]", equalTo(b))
                .body("waitingPosition[2]", equalTo(2));
        given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + sessionId + "/audit-trail")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("change-waiting-priority"))
                .body("items[0].actor", equalTo("municipality-officer"))
                .body("items[0].changes.reason.after", equalTo("Aandachtslocatie uit de urgentieronde"))
                .body("items[0].changes.registrationId.after", equalTo(c))
                .body("items[0].changes.waitingList.before", org.hamcrest.Matchers.contains(b, c))
                .body("items[0].changes.waitingList.after", org.hamcrest.Matchers.contains(c, b));
        List<Map<?, ?>> changes =
                Events.published(sessionId, EventType.KNOWLEDGE_REGISTRATION_CHANGED, 4, Duration.ofSeconds(20))
                        .stream()
                        .<Map<?, ?>>map(Events::payload)
                        .toList();
        Map<?, ?> moved = changes.get(changes.size() - 1);
        assertEquals("PRIORITY_CHANGED", moved.get("change"));
        assertEquals(1, moved.get("waitingPosition"));
        assertFalse(moved.containsKey("reason"), "the free-text reason stays in the audit trail");
    }

    @Test
    void anIdempotencyKeyReplaysOnlyTheSamePersonsOwnRegistration() {
        String sessionId = Api.schedule(5);
        String key = "registration-" + java.util.UUID.randomUUID();
        String path = "/api/v1/sessions/" + sessionId + "/registrations";
        var created = given().auth()
                .oauth2(Api.staff("idem-a", "30BR01"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("CONFIRMED"))
                .extract();
        String first = created.path("id");
        assertTrue(created.header("Location").endsWith(path + "/" + first), created.header("Location"));
        given().auth()
                .oauth2(Api.staff("idem-a", "30BR01"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().auth()
                .oauth2(Api.staff("idem-b", "30BR01"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body("{}")
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("id", org.hamcrest.Matchers.not(equalTo(first)))
                .body("registrant", equalTo("idem-b"));
        given().auth()
                .oauth2(Api.municipality())
                .get(path)
                .then()
                .body("registrant", org.hamcrest.Matchers.contains("idem-a", "idem-b"));
    }

    @Test
    void onlyTheRegistrantOrTheOrganiserMayCancelARegistration() {
        String sessionId = Api.schedule(3);
        String mine = Api.register(sessionId, "owner", "30BR01");
        given().auth()
                .oauth2(Api.staff("someone-else", "30BR01"))
                .post("/api/v1/sessions/" + sessionId + "/registrations/" + mine + "/cancel")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Api.municipality())
                .get("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .body("[0].status", equalTo("CONFIRMED"));
        given().auth()
                .oauth2(Api.board("boor"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/sessions/" + sessionId + "/registrations")
                .then()
                .statusCode(403);
    }

    @Test
    void aBadSessionListsEveryBadFieldAndSchoolStaffCannotSchedule() {
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"PARTY\",\"title\":\"\",\"startsAt\":\"tomorrow\",\"capacity\":0,\"audiences\":[]}")
                .post("/api/v1/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("kind", "startsAt"));
        given().auth()
                .oauth2(Api.municipality())
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"OTHER\",\"title\":\"\",\"organiser\":\"x\",\"capacity\":0,\"audiences\":[]}")
                .post("/api/v1/sessions")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        hasItems("title", "capacity", "audiences", "startsAt", "endsAt", "registrationDeadline"));
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .contentType(ContentType.JSON)
                .body(Api.sessionBody(5, start, start))
                .post("/api/v1/sessions")
                .then()
                .statusCode(403);
    }

    @Test
    void upcomingSessionsArePagedSoonestFirst() {
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).plusYears(3).truncatedTo(ChronoUnit.MINUTES);
        for (int i = 2; i >= 0; i--) {
            given().auth()
                    .oauth2(Api.municipality())
                    .contentType(ContentType.JSON)
                    .body(Api.sessionBody(5, base.plusDays(i), base.plusDays(i).minusHours(1)))
                    .post("/api/v1/sessions")
                    .then()
                    .statusCode(201);
        }
        String from = base.toString();
        var first = given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .queryParam("startsFrom", from)
                .queryParam("limit", 2)
                .get("/api/v1/sessions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract();
        List<String> starts = first.path("items.startsAt");
        assertTrue(OffsetDateTime.parse(starts.get(0)).isBefore(OffsetDateTime.parse(starts.get(1))));
        String cursor = first.path("nextCursor");
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .queryParam("startsFrom", from)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/sessions")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());
        given().auth()
                .oauth2(Api.staff("s", "30BR01"))
                .queryParam("startsFrom", "next week")
                .get("/api/v1/sessions")
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("startsFrom"));
    }
}
