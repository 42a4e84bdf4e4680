package nl.rotterdam.schoolsafe.escalation.expulsion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.Awaiting;
import nl.rotterdam.schoolsafe.escalation.Events;
import nl.rotterdam.schoolsafe.escalation.TestClock;
import nl.rotterdam.schoolsafe.platform.event.ExpulsionEvent;
import nl.rotterdam.schoolsafe.runtime.RealInfrastructure;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "escalation"))
class ExpulsionWorklistTest {
    private static final Tokens TOKENS = Tokens.forTests();
    private static final String OFFICER =
            TOKENS.mint(Tokens.Holder.of("officer-leerplicht-1", "COMPULSORY_EDUCATION_OFFICER"));
    private static final String MUNICIPALITY = TOKENS.mint(Tokens.Holder.of("policy-officer-1", "MUNICIPALITY"));

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    private Events events;

    @BeforeEach
    void producer() {
        events = new Events();
    }

    private static String location() {
        return String.format("%02dEX%02d", (int) (Math.random() * 90) + 10, (int) (Math.random() * 90) + 10);
    }

    private ExpulsionEvent decided(String location, OffsetDateTime decidedAt) {
        return new ExpulsionEvent(
                UUID.randomUUID(),
                UUID.randomUUID(),
                location,
                "delfshaven",
                Events.pseudonym(),
                decidedAt.toLocalDate().plusDays(3),
                decidedAt,
                decidedAt.minusDays(1),
                null,
                null,
                false,
                null);
    }

    private void awaitItem(UUID measureId) throws InterruptedException {
        Awaiting.rows(entityManager, "SELECT 1 FROM expulsion_follow_up WHERE measure_id = ?1", measureId);
    }

    private static Response check(UUID measureId, String etag, Map<String, Object> findings) {
        var request =
                given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(findings);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.post("/api/v1/expulsions/" + measureId + "/check");
    }

    @Test
    void theOfficerChecksOffAnExpulsionOnceTheSchoolRecordedTheRightToObject() throws InterruptedException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ExpulsionEvent expulsion = decided(location(), now.minusDays(2));
        events.expulsion(expulsion, true);
        awaitItem(expulsion.measureId());

        String etag = given().auth()
                .oauth2(OFFICER)
                .get("/api/v1/expulsions/" + expulsion.measureId())
                .then()
                .statusCode(200)
                .body("pseudonym", equalTo(expulsion.pseudonym()))
                .body("status", equalTo("OPEN"))
                .body("informedOfRightToObject", equalTo(false))
                .body("interimEducationArranged", equalTo(false))
                .extract()
                .header("ETag");

        check(expulsion.measureId(), null, Map.of("parentsFullyInformed", false, "schoolRemindedOfDutyOfCare", true))
                .then()
                .statusCode(428);
        check(expulsion.measureId(), etag, Map.of("parentsFullyInformed", true, "schoolRemindedOfDutyOfCare", true))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("parentsFullyInformed"));

        OffsetDateTime informedAt = now.minusDays(1);
        events.expulsion(
                new ExpulsionEvent(
                        expulsion.incidentId(),
                        expulsion.measureId(),
                        expulsion.schoolLocationId(),
                        expulsion.district(),
                        expulsion.pseudonym(),
                        expulsion.startDate(),
                        expulsion.decidedAt(),
                        expulsion.parentsHeardAt(),
                        informedAt,
                        now.toLocalDate(),
                        true,
                        null),
                false);
        Awaiting.rows(
                entityManager,
                "SELECT 1 FROM expulsion_follow_up WHERE measure_id = ?1 AND objection_lodged_on IS NOT NULL"
                        + " AND interim_education_arranged",
                expulsion.measureId());
        String fresh = given().auth()
                .oauth2(MUNICIPALITY)
                .get("/api/v1/expulsions/" + expulsion.measureId())
                .then()
                .statusCode(200)
                .body("informedOfRightToObject", equalTo(true))
                .body("objectionLodged", equalTo(true))
                .body("objectionLodgedOn", equalTo(now.toLocalDate().toString()))
                .body("interimEducationArranged", equalTo(true))
                .extract()
                .header("ETag");
        check(expulsion.measureId(), etag, Map.of("parentsFullyInformed", true, "schoolRemindedOfDutyOfCare", true))
                .then()
                .statusCode(412);

        Map<String, Object> findings = new HashMap<>();
        findings.put("parentsFullyInformed", true);
        findings.put("schoolRemindedOfDutyOfCare", true);
        findings.put("parentsSpokenToOn", now.toLocalDate().toString());
        check(expulsion.measureId(), fresh, findings)
                .then()
                .statusCode(200)
                .body("status", equalTo("CHECKED"))
                .body("checked.parentsFullyInformed", equalTo(true))
                .body("checked.parentsSpokenToOn", equalTo(now.toLocalDate().toString()))
                .body("checked.checkedBy", equalTo("officer-leerplicht-1"));
        given().auth()
                .oauth2(OFFICER)
                .queryParam("status", "OPEN")
                .queryParam("schoolLocationId", expulsion.schoolLocationId())
                .get("/api/v1/expulsions")
                .then()
                .statusCode(200)
                .body("items.measureId", not(hasItem(expulsion.measureId().toString())));
        given().auth()
                .oauth2(MUNICIPALITY)
                .contentType(ContentType.JSON)
                .header("If-Match", fresh)
                .body(findings)
                .post("/api/v1/expulsions/" + expulsion.measureId() + "/check")
                .then()
                .statusCode(403);

        Number logged = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM processing_log WHERE record_id = ?1 AND data_subject = ?2"
                        + " AND owner = ?3")
                .setParameter(1, expulsion.measureId().toString())
                .setParameter(2, expulsion.pseudonym())
                .setParameter(3, expulsion.schoolLocationId())
                .getSingleResult();
        assertEquals(3, logged.intValue(), "two reads and the check-off's answer, filed under the school");
    }

    @Test
    void aLocationReachingTheThresholdWithinTheWindowRaisesOneSignal() throws InterruptedException {
        String location = location();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<ExpulsionEvent> first =
                List.of(decided(location, now.minusDays(60)), decided(location, now.minusDays(20)));
        for (ExpulsionEvent expulsion : first) {
            events.expulsion(expulsion, true);
            awaitItem(expulsion.measureId());
        }
        assertEquals(0, signals(location), "two expulsions within 90 days are no signal");

        ExpulsionEvent third = decided(location, now.minusDays(1));
        events.expulsion(third, true);
        awaitItem(third.measureId());
        assertEquals(1, signals(location));
        given().auth()
                .oauth2(MUNICIPALITY)
                .get("/api/v1/expulsions/signals")
                .then()
                .statusCode(200)
                .body("items.find { it.schoolLocationId == '" + location + "' }.expulsions", equalTo(3))
                .body("items.find { it.schoolLocationId == '" + location + "' }.windowDays", equalTo(90));

        ExpulsionEvent fourth = decided(location, now);
        events.expulsion(fourth, true);
        awaitItem(fourth.measureId());
        assertEquals(1, signals(location), "raised once per window");

        clock.advance(Duration.ofDays(91));
        OffsetDateTime later = OffsetDateTime.now(clock);
        ExpulsionEvent afterTheWindow = decided(location, later);
        events.expulsion(afterTheWindow, true);
        awaitItem(afterTheWindow.measureId());
        assertEquals(1, signals(location), "the earlier expulsions fell out of the window");
        for (ExpulsionEvent expulsion : List.of(decided(location, later), decided(location, later))) {
            events.expulsion(expulsion, true);
            awaitItem(expulsion.measureId());
        }
        assertEquals(2, signals(location), "three within the new window raise again");
    }

    private long signals(String location) {
        return ((Number) entityManager
                        .createNativeQuery("SELECT count(*) FROM expulsion_signal WHERE school_location_id = ?1")
                        .setParameter(1, location)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void onlyTheMunicipalityAndTheOfficerSeeTheWorklist() {
        given().auth()
                .oauth2(TOKENS.mint(Tokens.Holder.expert("expert-x", "delfshaven")))
                .get("/api/v1/expulsions")
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.containsString("forbidden"));
        given().auth()
                .oauth2(OFFICER)
                .queryParam("status", "SOMETIMES")
                .queryParam("schoolLocationId", "nope")
                .get("/api/v1/expulsions")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("status", "schoolLocationId"));
        check(UUID.randomUUID(), "\"0\"", Map.of("parentsFullyInformed", false, "schoolRemindedOfDutyOfCare", false))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("parentsSpokenToOn", "yesterday"))
                .post("/api/v1/expulsions/" + UUID.randomUUID() + "/check")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("parentsSpokenToOn"));
    }
}
