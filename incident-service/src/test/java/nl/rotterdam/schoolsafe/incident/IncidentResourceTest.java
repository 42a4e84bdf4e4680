package nl.rotterdam.schoolsafe.incident;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.CHARLOIS_PRAKTIJK;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.DELFSHAVEN_LYCEUM;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.NOORD_COLLEGE;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.staffOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class IncidentResourceTest {
    private static final String STUDENT_NUMBER = "987654321";

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void register() {
        RegisterFixture.load();
    }

    static Map<String, Object> incident(String location, String studentSchool) {
        return Map.of(
                "schoolLocationId", location,
                "occurredAt", OffsetDateTime.now().minusHours(2).toString(),
                "locationType", "PUBLIC_TRANSPORT",
                "category", "PHYSICAL_VIOLENCE",
                "severity", "HIGH",
                "description", "Fight at the tram stop; confidential details stay at school.",
                "involvedPersons",
                        List.of(
                                Map.of("role", "VICTIM", "kind", "STUDENT", "studentNumber", STUDENT_NUMBER),
                                Map.of(
                                        "role",
                                        "SUSPECT",
                                        "kind",
                                        "STUDENT",
                                        "studentNumber",
                                        "555000111",
                                        "schoolLocationId",
                                        studentSchool),
                                Map.of("role", "WITNESS", "kind", "STAFF")));
    }

    @Test
    void registersAnIncidentWithPseudonymsAndPublishesItWithoutFreeText() {
        Response created = given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(incident(DELFSHAVEN_LYCEUM, NOORD_COLLEGE))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .header("API-Version", equalTo("1.0.0"))
                .body("status", equalTo("REGISTERED"))
                .body("district", equalTo("delfshaven"))
                .body("involvedPersons.role", containsInAnyOrder("VICTIM", "SUSPECT", "WITNESS"))
                .body("involvedPersons[0].pseudonym", matchesPattern("ps-[0-9a-f]{32}"))
                .body("involvedPersons[1].schoolLocationId", equalTo(NOORD_COLLEGE))
                .body("involvedPersons[2].pseudonym", nullValue())
                .extract()
                .response();
        String id = created.path("id");
        assertFalse(created.asString().contains(STUDENT_NUMBER), "the student number must not come back");

        Number outboxRows = (Number) entityManager
                .createNativeQuery(
                        "SELECT count(*) FROM outbox_message WHERE message_key = ?1 AND type = 'nl.rotterdam.schoolsafe.incident.reported.v1'")
                .setParameter(1, id)
                .getSingleResult();
        assertEquals(1, outboxRows.intValue(), "the event is written with the incident");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.read(
                RealInfrastructure.bootstrapServers(),
                Topics.INCIDENT,
                r -> id.equals(r.key()),
                1,
                Duration.ofSeconds(30));
        assertEquals(1, records.size(), "one incident.reported record keyed by the incident id");
        CloudEvent event = KafkaMessageFactory.createReader(records.get(0)).toEvent();
        assertEquals("nl.rotterdam.schoolsafe.incident.reported.v1", event.getType());
        assertEquals(id, event.getSubject());
        String payload = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertTrue(payload.contains(created.<String>path("involvedPersons[0].pseudonym")), payload);
        assertFalse(payload.contains(STUDENT_NUMBER), "no student identifier on the topic");
        assertFalse(payload.contains("tram stop"), "no free text on the topic");
    }

    @Test
    void sameStudentAtTwoSchoolsGetsOnePseudonym() {
        String first = given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(incident(DELFSHAVEN_LYCEUM, NOORD_COLLEGE))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("involvedPersons[0].pseudonym");
        String second = given().auth()
                .oauth2(staffOf(NOORD_COLLEGE))
                .contentType(ContentType.JSON)
                .body(incident(NOORD_COLLEGE, DELFSHAVEN_LYCEUM))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("involvedPersons[0].pseudonym");
        assertEquals(first, second);
    }

    @Test
    void anotherSchoolsTokenGetsTheSame404AsAMissingIncident() {
        String id = given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(incident(DELFSHAVEN_LYCEUM, NOORD_COLLEGE))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String foreign = given().auth()
                .oauth2(staffOf(CHARLOIS_PRAKTIJK))
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        String missing = given().auth()
                .oauth2(staffOf(CHARLOIS_PRAKTIJK))
                .get("/api/v1/incidents/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        assertEquals(
                missing.replaceAll("incident \\S+", "incident X"), foreign.replaceAll("incident \\S+", "incident X"));
        given().auth()
                .oauth2(RegisterFixture.TOKENS.mint(
                        nl.rotterdam.schoolsafe.runtime.Tokens.Holder.board("board-boor", "boor")))
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void invalidInputNamesEveryBadFieldAndStoresNothing() {
        long before = ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM incident")
                        .getSingleResult())
                .longValue();
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "schoolLocationId",
                        DELFSHAVEN_LYCEUM,
                        "description",
                        "",
                        "involvedPersons",
                        List.of(Map.of("role", "VICTIM"))))
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/invalid-input"))
                .body(
                        "errors.field",
                        hasItems(
                                "occurredAt",
                                "locationType",
                                "category",
                                "severity",
                                "description",
                                "involvedPersons[0].kind"));
        long after = ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM incident")
                        .getSingleResult())
                .longValue();
        assertEquals(before, after);
    }

    @Test
    void refusesAnOccurrenceInTheFuture() {
        Map<String, Object> body = new java.util.HashMap<>(incident(DELFSHAVEN_LYCEUM, NOORD_COLLEGE));
        body.put("occurredAt", OffsetDateTime.now().plusDays(1).toString());
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", equalTo("must not be in the future"));
    }

    @Test
    void refusesRequestsWithoutAValidTokenAsProblem() {
        given().get("/api/v1/incidents/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/unauthenticated"));
        given().auth()
                .oauth2("not.a.token")
                .get("/api/v1/incidents/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void malformedJsonAndWrongMediaTypeAreProblemsNotErrors() {
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body("{\"schoolLocationId\": ")
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.TEXT)
                .body("hello")
                .post("/api/v1/incidents")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        Map<String, Object> body = new java.util.HashMap<>(incident(DELFSHAVEN_LYCEUM, NOORD_COLLEGE));
        body.put("status", "CLOSED");
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
