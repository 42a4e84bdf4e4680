package nl.rotterdam.schoolsafe.subsidy.application;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.OFFICER;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.SECOND_OFFICER;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.board;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.count;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.runtime.TestEvents;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import nl.rotterdam.schoolsafe.subsidy.SubsidyFixture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationResourceTest {
    private static final String OWN = "42AR01";
    private static final String OTHER_BOARDS = "42AR02";
    private static final String PAGED = "42AR03";
    private static String programme;
    private static String pot;

    @BeforeEach
    void register() {
        if (programme != null) {
            return;
        }
        SubsidyFixture.locations(
                SubsidyFixture.location(OWN, "lifecycle", "VO", 700),
                SubsidyFixture.location(OTHER_BOARDS, "elsewhere", "VO", 700),
                SubsidyFixture.location(PAGED, "paging", "VO", 700));
        programme = SubsidyFixture.programme("2032-2033", "FORMULA", 8_000_000, 1_000_000);
        pot = SubsidyFixture.potId(programme, "VO");
    }

    private static Map<String, Object> body(String location, String theme, String category, Object cents) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programme);
        body.put("schoolLocationId", location);
        body.put("theme", theme);
        body.put("category", category);
        body.put("amountCents", cents);
        body.put("plan", "Signalling training for the teams of the lower years.");
        return body;
    }

    private static Response decide(String token, String id, Map<String, Object> decision) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(decision)
                .post("/api/v1/subsidies/applications/" + id + "/decision");
    }

    private static long balance() {
        return count("SELECT balance_cents FROM pot WHERE id = CAST(? AS uuid)", pot);
    }

    @Test
    void aPartialGrantAndALowerSettlementReturnTheDifferenceToThePot() {
        String id = SubsidyFixture.apply("lifecycle", programme, OWN, "TEAM_TRAINING_AGGRESSION", 500_000);
        long before = balance();
        decide(
                        OFFICER,
                        id,
                        Map.of(
                                "decision",
                                "GRANT",
                                "amountCents",
                                400_000,
                                "reason",
                                "Part of the hours are covered by the board"))
                .then()
                .statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("outcome", equalTo("PARTLY_APPROVED"))
                .body("grantedCents", equalTo(400_000));
        assertEquals(before - 400_000, balance());
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of("amountCents", 250_000))
                .post("/api/v1/subsidies/applications/" + id + "/settlement")
                .then()
                .statusCode(200)
                .body("status", equalTo("SETTLED"))
                .body("settledCents", equalTo(250_000));
        assertEquals(before - 250_000, balance(), "the 150,000 cents not spent went back to the pot");
        assertEquals(
                balance(), count("SELECT sum(amount_cents) FROM ledger_entry WHERE pot_id = CAST(? AS uuid)", pot));
        assertEquals(
                150_000,
                count(
                        "SELECT amount_cents FROM ledger_entry WHERE application_id = CAST(? AS uuid) AND kind = 'SETTLEMENT'",
                        id));

        List<ConsumerRecord<String, byte[]>> decided =
                SubsidyFixture.published(EventType.SUBSIDY_APPLICATION_DECIDED, id, 2, Duration.ofSeconds(10));
        assertEquals(
                List.of("GRANTED", "SETTLED"),
                decided.stream().map(r -> TestEvents.payload(r).get("status")).toList());
        assertFalse(new String(decided.get(0).value()).contains("covered by the board"), "no reason text on the topic");
        assertEquals(
                1,
                SubsidyFixture.published(EventType.SUBSIDY_APPLICATION_SUBMITTED, id, 1, Duration.ofSeconds(5))
                        .size());
        for (String action : List.of("submit", "approve", "settle")) {
            assertEquals(
                    1,
                    count(
                            "SELECT count(*) FROM audit_entry WHERE aggregate_type = 'application' AND aggregate_id = ? AND action = '"
                                    + action + "'",
                            id),
                    "audited: " + action);
        }
    }

    @Test
    void theFourEyesRuleRefusesTheSameOfficerTwice() {
        String id = SubsidyFixture.apply("lifecycle", programme, OWN, "TEAM_TRAINING_AGGRESSION", 2_000_000);
        long before = balance();
        decide(OFFICER, id, Map.of("decision", "GRANT"))
                .then()
                .statusCode(200)
                .body("status", equalTo("AWAITING_SECOND_APPROVAL"))
                .body("proposedCents", equalTo(2_000_000));
        assertEquals(before, balance(), "nothing is spent before the second officer confirms");
        given().auth()
                .oauth2(OFFICER)
                .post("/api/v1/subsidies/applications/" + id + "/second-approval")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("four-eyes"));
        given().auth()
                .oauth2(SECOND_OFFICER)
                .post("/api/v1/subsidies/applications/" + id + "/second-approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("decidedBy", equalTo("officer-1"))
                .body("secondApprover", equalTo("officer-2"));
        assertEquals(before - 2_000_000, balance());
    }

    @Test
    void aCategoryNotAllowedForItsThemeAndBadAmountsAreRejectedAtTheEdge() {
        given().auth()
                .oauth2(board("lifecycle"))
                .contentType(ContentType.JSON)
                .body(body(OWN, "SEXUAL_RESILIENCE", "TEAM_TRAINING_AGGRESSION", 100_000))
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("category"));
        given().auth()
                .oauth2(board("lifecycle"))
                .contentType(ContentType.JSON)
                .body(body(OWN, "AGGRESSION", "TEAM_TRAINING_AGGRESSION", -5))
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("amountCents"));
        given().auth()
                .oauth2(board("lifecycle"))
                .contentType(ContentType.JSON)
                .body(body(OWN, "AGGRESSION", "TEAM_TRAINING_AGGRESSION", 12.5))
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("amountCents"));
        given().auth()
                .oauth2(board("lifecycle"))
                .contentType(ContentType.JSON)
                .body(body(OWN, "AGGRESSION", "TEAM_TRAINING_AGGRESSION", 99_999_999_999L))
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("amountCents"));
        Map<String, Object> empty = new HashMap<>();
        given().auth()
                .oauth2(board("lifecycle"))
                .contentType(ContentType.JSON)
                .body(empty)
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems(
                                "programmeId", "schoolLocationId", "theme", "category", "amountCents", "plan"));
    }

    @Test
    void aDecidedApplicationIsA409AndAStaleIfMatchA412() {
        String id = SubsidyFixture.apply("lifecycle", programme, OWN, "YOUTH_AGGRESSION_RESILIENCE", 50_000);
        String etag = given().auth()
                .oauth2(OFFICER)
                .get("/api/v1/subsidies/applications/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        decide(OFFICER, id, Map.of("decision", "REJECT", "reason", "Already funded from the quality budget"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("REJECTED"));
        decide(OFFICER, id, Map.of("decision", "GRANT"))
                .then()
                .statusCode(409)
                .body("context.currentState", equalTo("REJECTED"));
        given().auth()
                .oauth2(OFFICER)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "GRANT"))
                .post("/api/v1/subsidies/applications/" + id + "/decision")
                .then()
                .statusCode(412);
        decide(
                        OFFICER,
                        SubsidyFixture.apply("lifecycle", programme, OWN, "TEAM_TRAINING_AGGRESSION", 10_000),
                        Map.of("decision", "REJECT"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void anIdempotencyKeyCreatesOneApplication() {
        Map<String, Object> body = body(OWN, "AGGRESSION", "TEAM_TRAINING_AGGRESSION", 30_000);
        String first = given().auth()
                .oauth2(board("lifecycle"))
                .header("Idempotency-Key", "retry-42ar01-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(board("lifecycle"))
                .header("Idempotency-Key", "retry-42ar01-1")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM application WHERE requested_cents = 30000 AND school_location_id = ?",
                        OWN));
    }

    @Test
    void boardsApplyForAndSeeTheirOwnLocationsAndSchoolsOnlyTheirGrants() {
        given().auth()
                .oauth2(board("lifecycle"))
                .contentType(ContentType.JSON)
                .body(body(OTHER_BOARDS, "AGGRESSION", "TEAM_TRAINING_AGGRESSION", 10_000))
                .post("/api/v1/subsidies/applications")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("schoolLocationId"));
        String id = SubsidyFixture.apply("lifecycle", programme, OWN, "TEAM_TRAINING_AGGRESSION", 20_000);
        given().auth()
                .oauth2(board("elsewhere"))
                .get("/api/v1/subsidies/applications/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body(org.hamcrest.Matchers.not(containsString("Signalling")));
        given().auth()
                .oauth2(board("elsewhere"))
                .get("/api/v1/subsidies/applications")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        String staff = SubsidyFixture.TOKENS.mint(Tokens.Holder.school("staff-42ar01", "SCHOOL_STAFF", OWN));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/subsidies/applications/" + id)
                .then()
                .statusCode(404)
                .body("type", containsString("not-found"));
        decide(OFFICER, id, Map.of("decision", "GRANT")).then().statusCode(200);
        given().auth()
                .oauth2(staff)
                .get("/api/v1/subsidies/applications/" + id)
                .then()
                .statusCode(200)
                .body("grantedCents", equalTo(20_000))
                .body("plan", nullValue());
        given().auth()
                .oauth2(board("lifecycle"))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "GRANT"))
                .post("/api/v1/subsidies/applications/" + id + "/decision")
                .then()
                .statusCode(403)
                .body("type", containsString("forbidden"));
        assertEquals(
                1,
                count("SELECT count(*) FROM ledger_entry WHERE application_id = CAST(? AS uuid)", id),
                "the board's attempt moved no money");
    }

    @Test
    void aBoardPagesThroughItsApplicationsNewestFirstAndAnEditedCursorIsA400() {
        List<String> submitted = List.of(
                SubsidyFixture.apply("paging", programme, PAGED, "TEAM_TRAINING_AGGRESSION", 11_000),
                SubsidyFixture.apply("paging", programme, PAGED, "TEAM_TRAINING_AGGRESSION", 12_000),
                SubsidyFixture.apply("paging", programme, PAGED, "TEAM_TRAINING_AGGRESSION", 13_000));
        JsonPath first = given().auth()
                .oauth2(board("paging"))
                .queryParam("limit", 2)
                .get("/api/v1/subsidies/applications")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("nextCursor", notNullValue())
                .extract()
                .jsonPath();
        String cursor = first.getString("nextCursor");
        JsonPath second = given().auth()
                .oauth2(board("paging"))
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/subsidies/applications")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath();
        List<String> paged = new ArrayList<>(first.getList("items.id", String.class));
        paged.addAll(second.getList("items.id", String.class));
        assertEquals(List.of(submitted.get(2), submitted.get(1), submitted.get(0)), paged, "newest first, each once");

        for (String bad : List.of(
                cursor.substring(0, cursor.length() - 2) + "xx",
                "garbage",
                Cursor.encode(OffsetDateTime.now(), "not-an-id"),
                Cursor.encode("yesterday", submitted.get(0)))) {
            given().auth()
                    .oauth2(board("paging"))
                    .queryParam("cursor", bad)
                    .get("/api/v1/subsidies/applications")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("cursor"));
        }
    }
}
