package nl.rotterdam.schoolsafe.incident.incident;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.CHARLOIS_PRAKTIJK;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.DELFSHAVEN_LYCEUM;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.coordinatorOf;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.staffOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.rotterdam.schoolsafe.incident.RegisterFixture;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class IncidentWorkflowTest {
    private static final String MINOR_NUMBER = "MINOR-4242";

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void register() {
        RegisterFixture.load();
    }

    public static Map<String, Object> body(String location, OffsetDateTime occurredAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("schoolLocationId", location);
        body.put("occurredAt", occurredAt.toString());
        body.put("locationType", "IN_SCHOOL");
        body.put("category", "THREAT");
        body.put("severity", "MEDIUM");
        body.put("description", "Threats in the canteen.");
        body.put(
                "involvedPersons",
                List.of(
                        Map.of("role", "SUSPECT", "kind", "STUDENT", "studentNumber", MINOR_NUMBER, "minor", true),
                        Map.of("role", "VICTIM", "kind", "STUDENT", "studentNumber", "ADULT-777")));
        return body;
    }

    public static String create(String location) {
        return given().auth()
                .oauth2(coordinatorOf(location))
                .contentType(ContentType.JSON)
                .body(body(location, OffsetDateTime.now().minusHours(1)))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Response decide(String id, String status, String reason) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("status", status);
        if (reason != null) {
            decision.put("reason", reason);
        }
        return given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(decision)
                .post("/api/v1/incidents/" + id + "/police-report/decisions");
    }

    public static Response consult(String id, String party) {
        return given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "party",
                        party,
                        "contact",
                        "Community police officer, Delfshaven",
                        "consultedAt",
                        OffsetDateTime.now().minusMinutes(30).toString()))
                .post("/api/v1/incidents/" + id + "/police-report/consultations");
    }

    public static Response consultParents(String id, String guardian) {
        return given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "personIndex",
                        0,
                        "guardian",
                        guardian,
                        "consultedAt",
                        OffsetDateTime.now().minusMinutes(5).toString()))
                .post("/api/v1/incidents/" + id + "/police-report/parent-consultations");
    }

    /** The incident's expulsion events of one kind on the topic, waiting for {@code expected} of them. */
    private static List<ConsumerRecord<String, byte[]>> expulsionEvents(String id, String kind, int expected) {
        String type = "nl.rotterdam.schoolsafe.incident." + kind + ".v1";
        return TopicReader.read(
                RealInfrastructure.bootstrapServers(),
                Topics.INCIDENT,
                r -> id.equals(r.key())
                        && new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8).equals(type),
                expected,
                Duration.ofSeconds(30));
    }

    /** The first involved person's expulsion, starting in three days, the parents heard yesterday. */
    public static Response announceExpulsion(String id) {
        return given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "EXPULSION",
                        "personIndex",
                        0,
                        "startDate",
                        LocalDate.now().plusDays(3).toString(),
                        "parentsHeardAt",
                        OffsetDateTime.now().minusDays(1).toString()))
                .post("/api/v1/incidents/" + id + "/measures");
    }

    @Test
    void refusesFilingForMinorWithoutParentConsultation() {
        String id = create(DELFSHAVEN_LYCEUM);
        decide(id, "CONSIDERING", null).then().statusCode(200).body("status", equalTo("CONSIDERING"));
        consult(id, "POLICE").then().statusCode(200).body("status", equalTo("CONSULTED"));
        decide(id, "FILED", null)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/parents-not-consulted"))
                .body("context.minorsWithoutConsultation", contains("involvedPersons[0]"));

        consultParents(id, "PARENT")
                .then()
                .statusCode(200)
                .body("parentConsultations[0].guardian", equalTo("PARENT"))
                .body("parentConsultations[0].recordedBy", equalTo("coordinator-" + DELFSHAVEN_LYCEUM));
        decide(id, "FILED", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("FILED"))
                .body("steps.status", contains("CONSIDERING", "CONSULTED", "FILED"))
                .body("steps[2].takenBy", equalTo("coordinator-" + DELFSHAVEN_LYCEUM));
    }

    @Test
    void refusesAnEightDaySuspensionAndTracksTheNotificationOfATwoDayOne() {
        String id = create(DELFSHAVEN_LYCEUM);
        LocalDate start = LocalDate.now();
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "SUSPENSION",
                        "personIndex",
                        0,
                        "startDate",
                        start.toString(),
                        "endDate",
                        start.plusDays(7).toString()))
                .post("/api/v1/incidents/" + id + "/measures")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endDate"));
        String measureId = given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "SUSPENSION",
                        "personIndex",
                        0,
                        "startDate",
                        start.toString(),
                        "endDate",
                        start.plusDays(1).toString()))
                .post("/api/v1/incidents/" + id + "/measures")
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        org.hamcrest.Matchers.matchesPattern(".*/api/v1/incidents/" + id + "/measures/[0-9a-f-]{36}"))
                .body("inspectorateNotification.state", equalTo("OPEN"))
                .body("inspectorateNotification.due", notNullValue())
                .extract()
                .path("id");
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id + "/measures/" + measureId)
                .then()
                .statusCode(200)
                .body("id", equalTo(measureId))
                .body("type", equalTo("SUSPENSION"));
        given().auth()
                .oauth2(coordinatorOf(CHARLOIS_PRAKTIJK))
                .get("/api/v1/incidents/" + id + "/measures/" + measureId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .queryParam("limit", 100)
                .get("/api/v1/incidents/inspectorate-notifications")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(measureId));
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("notifiedAt", OffsetDateTime.now().minusMinutes(1).toString()))
                .post("/api/v1/incidents/" + id + "/measures/" + measureId + "/inspectorate-notification")
                .then()
                .statusCode(200)
                .body("inspectorateNotification.state", equalTo("DONE"));
        List<String> open = given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .queryParam("limit", 100)
                .get("/api/v1/incidents/inspectorate-notifications")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertFalse(open.contains(measureId));
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_FOLLOW_UP"))
                .body("measures", hasSize(1));
    }

    @Test
    void anExpulsionInformsTheMunicipalityWithThePseudonymOnly() {
        String id = create(DELFSHAVEN_LYCEUM);
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "EXPULSION",
                        "personIndex",
                        0,
                        "startDate",
                        LocalDate.now().plusDays(3).toString()))
                .post("/api/v1/incidents/" + id + "/measures")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentsHeardAt"));
        String pseudonym =
                announceExpulsion(id).then().statusCode(201).extract().path("pseudonym");
        List<ConsumerRecord<String, byte[]>> records = expulsionEvents(id, "expulsion-decided", 1);
        assertEquals(1, records.size());
        CloudEvent event = KafkaMessageFactory.createReader(records.get(0)).toEvent();
        String payload = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertTrue(payload.contains(pseudonym), payload);
        assertFalse(payload.contains(MINOR_NUMBER), payload);
        assertFalse(payload.contains("canteen"), payload);
        List<?> types = entityManager
                .createNativeQuery("SELECT type FROM outbox_message WHERE message_key = ?1 ORDER BY seq")
                .setParameter(1, id)
                .getResultList();
        assertEquals(
                List.of(
                        "nl.rotterdam.schoolsafe.incident.reported.v1",
                        "nl.rotterdam.schoolsafe.incident.updated.v1",
                        "nl.rotterdam.schoolsafe.incident.expulsion-decided.v1"),
                types,
                "the measure is an update, the expulsion told apart");
    }

    @Test
    void theRightToObjectAndTheDutyOfCareReachTheMunicipalityAsDatesAndYesOrNo() {
        String id = create(DELFSHAVEN_LYCEUM);
        String measureId =
                announceExpulsion(id).then().statusCode(201).extract().path("id");
        String path = "/api/v1/incidents/" + id + "/measures/" + measureId;
        OffsetDateTime informedAt = OffsetDateTime.now().minusHours(2);
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "informedAt",
                        OffsetDateTime.now().plusDays(1).toString(),
                        "objectionLodgedOn",
                        LocalDate.now().minusDays(5).toString()))
                .put(path + "/right-to-object")
                .then()
                .statusCode(400)
                .body("errors.field", contains("informedAt", "objectionLodgedOn"));
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "informedAt",
                        informedAt.toString(),
                        "objectionLodgedOn",
                        LocalDate.now().toString()))
                .put(path + "/right-to-object")
                .then()
                .statusCode(200)
                .body("objectionLodgedOn", equalTo(LocalDate.now().toString()));
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("interimEducation", "Mornings at the Op de Rails programme"))
                .put(path + "/duty-of-care")
                .then()
                .statusCode(200);
        List<ConsumerRecord<String, byte[]>> records = expulsionEvents(id, "expulsion-updated", 2);
        assertEquals(2, records.size());
        String last = new String(
                KafkaMessageFactory.createReader(records.get(1))
                        .toEvent()
                        .getData()
                        .toBytes(),
                StandardCharsets.UTF_8);
        io.restassured.path.json.JsonPath told = new io.restassured.path.json.JsonPath(last);
        assertTrue(told.getBoolean("interimEducationArranged"), last);
        assertEquals(LocalDate.now().toString(), told.getString("objectionLodgedOn"));
        assertFalse(last.contains("Op de Rails"), last);
    }

    @Test
    void theDutyOfCareIsRecordedOnTheExpulsionAndAudited() {
        String id = create(DELFSHAVEN_LYCEUM);
        String coordinator = coordinatorOf(DELFSHAVEN_LYCEUM);
        String start = LocalDate.now().plusDays(3).toString();
        String measureId = given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "EXPULSION",
                        "personIndex",
                        0,
                        "startDate",
                        start,
                        "parentsHeardAt",
                        OffsetDateTime.now().minusDays(1).toString()))
                .post("/api/v1/incidents/" + id + "/measures")
                .then()
                .statusCode(201)
                .body("type", equalTo("EXPULSION"))
                .body("inspectorateNotification.state", equalTo("OPEN"))
                .extract()
                .path("id");
        String etag = given().auth()
                .oauth2(coordinator)
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "interimEducation",
                        "Op de Rails",
                        "newSchoolFoundOn",
                        LocalDate.now().plusDays(20).toString()))
                .put("/api/v1/incidents/" + id + "/measures/" + measureId + "/duty-of-care")
                .then()
                .statusCode(200)
                .body("id", equalTo(measureId))
                .body("interimEducation", equalTo("Op de Rails"));
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("newSchoolFoundOn", LocalDate.now().toString()))
                .put("/api/v1/incidents/" + id + "/measures/" + measureId + "/duty-of-care")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("newSchoolFoundOn"));
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("interimEducation", "x"))
                .put("/api/v1/incidents/" + id + "/measures/" + UUID.randomUUID() + "/duty-of-care")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/not-found"));
        String after = given().auth()
                .oauth2(coordinator)
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("measures[0].newSchoolFoundOn", notNullValue())
                .extract()
                .header("ETag");
        assertFalse(etag.equals(after), "a change of a measure is a change of the incident: its ETag moves");
        given().auth()
                .oauth2(coordinator)
                .get("/api/v1/incidents/" + id + "/audit-trail")
                .then()
                .statusCode(200)
                .body("items.action", contains("report", "measure:EXPULSION", "duty-of-care"))
                .body("items[1].changes.status.after", equalTo("IN_FOLLOW_UP"))
                .body("items[1].changes.measures.after", equalTo(1));
    }

    @Test
    void aStaleIfMatchGets412AndAMissingOne428() {
        String id = create(DELFSHAVEN_LYCEUM);
        String etag = given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        Map<String, Object> corrected =
                body(DELFSHAVEN_LYCEUM, OffsetDateTime.now().minusHours(2));
        corrected.put("severity", "HIGH");
        String newEtag = given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(corrected)
                .put("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("severity", equalTo("HIGH"))
                .extract()
                .header("ETag");
        assertFalse(etag.equals(newEtag));
        corrected.put("severity", "LOW");
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(corrected)
                .put("/api/v1/incidents/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/stale-version"));
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(corrected)
                .put("/api/v1/incidents/" + id)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id)
                .then()
                .body("severity", equalTo("HIGH"));
    }

    /** Fires 20 identical registrations at once, with or without one Idempotency-Key; returns the ids answered. */
    private static List<String> twentyAtOnce(Map<String, Object> request, String token, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Callable<Response> call = () -> {
                start.await();
                var post = given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(request);
                return (key == null ? post : post.header("Idempotency-Key", key)).post("/api/v1/incidents");
            };
            responses.add(pool.submit(call));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Response> response : responses) {
            Response r = response.get();
            assertEquals(201, r.statusCode(), r.asString());
            ids.add(r.path("id"));
        }
        pool.shutdown();
        return ids;
    }

    @Test
    void withoutAnIdempotencyKeyTwentyConcurrentPostsCreateTwentyIncidents() throws Exception {
        List<String> ids = twentyAtOnce(
                body(DELFSHAVEN_LYCEUM, OffsetDateTime.now().minusMinutes(20)), staffOf(DELFSHAVEN_LYCEUM), null);
        assertEquals(20, ids.stream().distinct().count(), "the control: the same race without a key does duplicate");
    }

    @Test
    void twentyConcurrentRetriesWithOneIdempotencyKeyCreateOneIncident() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        Map<String, Object> request =
                body(DELFSHAVEN_LYCEUM, OffsetDateTime.now().minusMinutes(30));
        String token = staffOf(DELFSHAVEN_LYCEUM);
        List<String> ids = twentyAtOnce(request, token, key);
        assertEquals(1, ids.stream().distinct().count(), "every retry answers with the same incident");
        Number rows = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM incident WHERE registered_by = ?1 AND id = CAST(?2 AS uuid)")
                .setParameter(1, "staff-" + DELFSHAVEN_LYCEUM)
                .setParameter(2, ids.get(0))
                .getSingleResult();
        assertEquals(1, rows.intValue());
        Number claims = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM idempotency_key WHERE key = ?1")
                .setParameter(1, key)
                .getSingleResult();
        assertEquals(1, claims.intValue());

        request.put("severity", "CRITICAL");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(request)
                .post("/api/v1/incidents")
                .then()
                .statusCode(422)
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/idempotency-key-reused"));
    }

    @Test
    void anotherSchoolGets404OnEveryIncidentRoute() {
        String id = create(DELFSHAVEN_LYCEUM);
        String other = coordinatorOf(CHARLOIS_PRAKTIJK);
        String path = "/api/v1/incidents/" + id;
        Map<String, Object> reason = Map.of("reason", "x");
        List<Response> answers = List.of(
                given().auth().oauth2(other).get(path),
                given().auth()
                        .oauth2(other)
                        .contentType(ContentType.JSON)
                        .header("If-Match", "\"0\"")
                        .body(body(DELFSHAVEN_LYCEUM, OffsetDateTime.now().minusHours(1)))
                        .put(path),
                given().auth().oauth2(other).post(path + "/register"),
                given().auth().oauth2(other).post(path + "/start-follow-up"),
                given().auth()
                        .oauth2(other)
                        .contentType(ContentType.JSON)
                        .body(reason)
                        .post(path + "/close"),
                given().auth()
                        .oauth2(other)
                        .contentType(ContentType.JSON)
                        .body(reason)
                        .post(path + "/reopen"),
                given().auth().oauth2(other).get(path + "/audit-trail"),
                given().auth()
                        .oauth2(other)
                        .contentType(ContentType.JSON)
                        .body(Map.of("status", "CONSIDERING"))
                        .post(path + "/police-report/decisions"),
                given().auth()
                        .oauth2(other)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "party",
                                "ENFORCEMENT",
                                "contact",
                                "Boa team",
                                "consultedAt",
                                OffsetDateTime.now().minusHours(1).toString()))
                        .post(path + "/police-report/consultations"),
                given().auth()
                        .oauth2(other)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "personIndex",
                                0,
                                "guardian",
                                "PARENT",
                                "consultedAt",
                                OffsetDateTime.now().minusHours(1).toString()))
                        .post(path + "/police-report/parent-consultations"),
                given().auth()
                        .oauth2(other)
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "type",
                                "SUSPENSION",
                                "personIndex",
                                0,
                                "startDate",
                                LocalDate.now().toString(),
                                "endDate",
                                LocalDate.now().toString()))
                        .post(path + "/measures"));
        for (Response answer : answers) {
            assertEquals(404, answer.statusCode(), answer.asString());
            assertEquals("https://schoolsafe.rotterdam.nl/problems/not-found", answer.path("type"));
        }
        List<String> listed = given().auth()
                .oauth2(other)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertFalse(listed.contains(id));
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .get(path)
                .then()
                .statusCode(200)
                .body("policeReport.status", equalTo("NONE"));
    }

    @Test
    void theStateMachineRefusesAnIllegalTransitionWithTheAllowedOnes() {
        String id = create(DELFSHAVEN_LYCEUM);
        String coordinator = coordinatorOf(DELFSHAVEN_LYCEUM);
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "resolved"))
                .post("/api/v1/incidents/" + id + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        given().auth()
                .oauth2(coordinator)
                .post("/api/v1/incidents/" + id + "/start-follow-up")
                .then()
                .statusCode(409)
                .body("context.currentState", equalTo("CLOSED"))
                .body("context.allowedActions", contains("REOPEN", "WRITE_SHAREABLE_SUMMARY"));
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "new threats"))
                .post("/api/v1/incidents/" + id + "/reopen")
                .then()
                .statusCode(200)
                .body("status", equalTo("REGISTERED"));
        given().auth()
                .oauth2(coordinator)
                .get("/api/v1/incidents/" + id + "/audit-trail")
                .then()
                .statusCode(200)
                .body("items.action", contains("report", "close", "reopen"))
                .body("items[1].changes.status.before", equalTo("REGISTERED"))
                .body("items[1].changes.status.after", equalTo("CLOSED"))
                .body("items[1].actor", equalTo("coordinator-" + DELFSHAVEN_LYCEUM));
    }

    @Test
    void aDraftPublishesNothingUntilItIsRegistered() {
        Map<String, Object> draft = body(DELFSHAVEN_LYCEUM, OffsetDateTime.now().minusHours(1));
        draft.put("draft", true);
        String id = given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(draft)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("id");
        Number before = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_message WHERE message_key = ?1")
                .setParameter(1, id)
                .getSingleResult();
        assertEquals(0, before.intValue());
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .post("/api/v1/incidents/" + id + "/register")
                .then()
                .statusCode(200)
                .body("status", equalTo("REGISTERED"));
        List<?> types = entityManager
                .createNativeQuery("SELECT type FROM outbox_message WHERE message_key = ?1")
                .setParameter(1, id)
                .getResultList();
        assertEquals(List.of("nl.rotterdam.schoolsafe.incident.reported.v1"), types);
    }

    @Test
    void readingPersonalDataIsLoggedPerStudentAndSearchableByTheOwnSchoolOnly() {
        String id = create(DELFSHAVEN_LYCEUM);
        List<String> pseudonyms = given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("involvedPersons.pseudonym");
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("dataSubject", pseudonyms.get(0)))
                .post("/api/v1/incidents/processing-log/searches")
                .then()
                .statusCode(200)
                .body("items.recordId", hasItem(id))
                .body("items.find { it.recordId == '" + id + "' }.actor", equalTo("staff-" + DELFSHAVEN_LYCEUM))
                .body("items.find { it.recordId == '" + id + "' }.purpose", equalTo("read incident"))
                .body("items.find { it.recordId == '" + id + "' }.role", equalTo("SCHOOL_STAFF"));
        Number perSubject = (Number) entityManager
                .createNativeQuery("SELECT count(DISTINCT data_subject) FROM processing_log WHERE record_id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        assertEquals(2, perSubject.intValue());
        given().auth()
                .oauth2(coordinatorOf(CHARLOIS_PRAKTIJK))
                .contentType(ContentType.JSON)
                .body(Map.of("dataSubject", pseudonyms.get(0)))
                .post("/api/v1/incidents/processing-log/searches")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void theProcessingLogPagesNewestFirstWithItsCursor() {
        Map<String, Object> request =
                body(DELFSHAVEN_LYCEUM, OffsetDateTime.now().minusHours(1));
        request.put(
                "involvedPersons",
                List.of(Map.of(
                        "role",
                        "VICTIM",
                        "kind",
                        "STUDENT",
                        "studentNumber",
                        "LOG-" + UUID.randomUUID().toString().substring(0, 8))));
        String id = given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String pseudonym = null;
        for (int read = 0; read < 3; read++) {
            pseudonym = given().auth()
                    .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                    .get("/api/v1/incidents/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("involvedPersons[0].pseudonym");
        }
        List<Integer> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> search = new HashMap<>(Map.of("dataSubject", pseudonym, "limit", 2));
            if (cursor != null) {
                search.put("cursor", cursor);
            }
            Response page = given().auth()
                    .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                    .contentType(ContentType.JSON)
                    .body(search)
                    .post("/api/v1/incidents/processing-log/searches")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response();
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(3, ids.size(), ids.toString());
        assertTrue(ids.get(0) > ids.get(1) && ids.get(1) > ids.get(2), "newest first: " + ids);
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("dataSubject", pseudonym, "cursor", "not-a-cursor"))
                .post("/api/v1/incidents/processing-log/searches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void theChronologyListsTheStudentsIncidentsOldestFirstWithTheRoleInEachPageByPage() {
        String number = "CHRONO-" + UUID.randomUUID().toString().substring(0, 8);
        String coordinator = coordinatorOf(DELFSHAVEN_LYCEUM);
        List<String> ids = new ArrayList<>();
        for (String role : List.of("VICTIM", "SUSPECT")) {
            Map<String, Object> request =
                    body(DELFSHAVEN_LYCEUM, OffsetDateTime.now().minusDays(role.equals("VICTIM") ? 10 : 2));
            request.put("involvedPersons", List.of(Map.of("role", role, "kind", "STUDENT", "studentNumber", number)));
            ids.add(given().auth()
                    .oauth2(coordinator)
                    .contentType(ContentType.JSON)
                    .body(request)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("studentNumber", number))
                .post("/api/v1/incidents/chronology")
                .then()
                .statusCode(200)
                .body("items.incidentId", contains(ids.get(0), ids.get(1)))
                .body("items.roles", contains(List.of("VICTIM"), List.of("SUSPECT")))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        String next = given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("studentNumber", number, "limit", 1))
                .post("/api/v1/incidents/chronology")
                .then()
                .statusCode(200)
                .body("items.incidentId", contains(ids.get(0)))
                .extract()
                .path("nextCursor");
        given().auth()
                .oauth2(coordinator)
                .contentType(ContentType.JSON)
                .body(Map.of("studentNumber", number, "limit", 1, "cursor", next))
                .post("/api/v1/incidents/chronology")
                .then()
                .statusCode(200)
                .body("items.incidentId", contains(ids.get(1)));
        given().auth()
                .oauth2(coordinatorOf(CHARLOIS_PRAKTIJK))
                .contentType(ContentType.JSON)
                .body(Map.of("studentNumber", number))
                .post("/api/v1/incidents/chronology")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void theListFiltersAndPagesWithAStableCursor() {
        String location = CHARLOIS_PRAKTIJK;
        OffsetDateTime base = OffsetDateTime.now().minusDays(400);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> request = body(location, base.plusHours(i));
            request.put("category", "VANDALISM");
            given().auth()
                    .oauth2(coordinatorOf(location))
                    .contentType(ContentType.JSON)
                    .body(request)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth()
                    .oauth2(coordinatorOf(location))
                    .queryParam("category", "VANDALISM")
                    .queryParam("occurredBefore", base.plusDays(1).toString())
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/incidents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count());
        given().auth()
                .oauth2(coordinatorOf(location))
                .queryParam("cursor", "not-a-cursor")
                .get("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth()
                .oauth2(coordinatorOf(location))
                .queryParam("limit", 1000)
                .queryParam("status", "LOST")
                .get("/api/v1/incidents")
                .then()
                .statusCode(400);
    }

    @Test
    void everyBadFieldOfABodyIsNamedAtOnce() {
        Map<String, Object> bad = body(DELFSHAVEN_LYCEUM, OffsetDateTime.now());
        bad.put("category", "ARSON");
        bad.put("severity", "EXTREME");
        bad.put("occurredAt", "yesterday");
        bad.put("owner", "someone-else");
        bad.put("description", "");
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(bad)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("category", "severity", "occurredAt", "owner", "description"))
                .body(
                        "errors.find { it.field == 'category' }.message",
                        org.hamcrest.Matchers.containsString("BULLYING"));
    }
}
