package nl.rotterdam.schoolsafe.subsidy.allocation;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.OFFICER;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.answer;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.board;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.confirm;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.count;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.propose;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.rank;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.subsidy.SubsidyFixture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationResourceTest {

    private static JsonPath begin(String programme, String sector, Long baseCents) {
        Map<String, Object> body = baseCents == null
                ? Map.of("programmeId", programme, "sector", sector)
                : Map.of("programmeId", programme, "sector", sector, "baseCents", baseCents);
        return given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subsidies/allocations")
                .then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .header("Location", containsString("/api/v1/subsidies/allocations/"))
                .header("Idempotent-Replayed", "false")
                .extract()
                .jsonPath();
    }

    private static long proposed(JsonPath allocation, String location) {
        return allocation.getLong("lines.find { it.schoolLocationId == '" + location + "' }.proposedCents");
    }

    /**
     * The fixture of UrgencyFormulaTest, now from real rankings and incident events: L1 scores 16,
     * L2 7, L3 15, so 8,000,000 cents split 3,368,421 / 1,473,684 / 3,157,895. A theft does not
     * count; incidents 13 months ago count as the previous period.
     */
    @Test
    void theUrgencyRoundProposesWhatTheBoardsCanRecomputeByHand() {
        SubsidyFixture.locations(
                SubsidyFixture.location("43UR01", "round-a", "VO", 1000),
                SubsidyFixture.location("43UR02", "round-a", "VSO", 500),
                SubsidyFixture.location("43UR03", "round-b", "VO", 2000));
        OffsetDateTime recent = OffsetDateTime.now().minusMonths(1);
        OffsetDateTime previous = OffsetDateTime.now().minusMonths(13);
        SubsidyFixture.incidents("43UR01", "THREAT", recent, 4);
        SubsidyFixture.incidents("43UR01", "THEFT", recent, 3);
        SubsidyFixture.incidents("43UR01", "PHYSICAL_VIOLENCE", previous, 2);
        SubsidyFixture.incidents("43UR02", "SEXUAL_MISCONDUCT", recent, 1);
        SubsidyFixture.incidents("43UR02", "SEXUAL_MISCONDUCT", previous, 1);
        SubsidyFixture.incidents("43UR03", "AGGRESSION_AGAINST_STAFF", recent, 10);
        SubsidyFixture.incidents("43UR03", "AGGRESSION_AGAINST_STAFF", previous, 10);

        String programme = SubsidyFixture.programme("2033-2034", "URGENCY_ROUND", 8_000_000, 10_000_000);
        String id = begin(programme, "VO", null).getString("id");
        rank(id, "round-a", List.of("43UR01", "43UR02")).then().statusCode(200);
        rank(id, "round-b", List.of("43UR01"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("schoolLocationIds[0]"));
        rank(id, "round-b", List.of("43UR03")).then().statusCode(200);
        given().auth()
                .oauth2(board("round-b"))
                .get("/api/v1/subsidies/allocations/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("COLLECTING_RANKINGS"))
                .body("rankings.boardId", org.hamcrest.Matchers.everyItem(equalTo("round-b")))
                .body("rankings.size()", equalTo(1));
        given().auth()
                .oauth2(OFFICER)
                .get("/api/v1/subsidies/allocations/" + id)
                .then()
                .statusCode(200)
                .body("rankings.size()", equalTo(3));
        assertEquals(
                2,
                count("SELECT version FROM allocation WHERE id = CAST(? AS uuid)", id),
                "a ranking changes only child rows, yet moves the allocation's version; the refused one does not");

        JsonPath proposal = propose(id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .extract()
                .jsonPath();
        assertEquals(3_368_421, proposed(proposal, "43UR01"));
        assertEquals(1_473_684, proposed(proposal, "43UR02"));
        assertEquals(3_157_895, proposed(proposal, "43UR03"));
        assertEquals(
                "<5",
                proposal.getString("lines.find { it.schoolLocationId == '43UR01' }.inputs.recentIncidents"),
                "outside the location's own board a count under 5 is a band, for the municipality too");
        assertEquals(
                "suppressed",
                proposal.getString("lines.find { it.schoolLocationId == '43UR01' }.inputs.rate"),
                "with the pupils shown, a rate would give the banded count back");
        assertEquals(
                "suppressed", proposal.getString("lines.find { it.schoolLocationId == '43UR01' }.inputs.previousRate"));
        assertEquals(5.0, proposal.getDouble("lines.find { it.schoolLocationId == '43UR03' }.inputs.rate"), 1e-9);
        assertEquals(10, proposal.getInt("lines.find { it.schoolLocationId == '43UR03' }.inputs.recentIncidents"));

        JsonPath ownBoard = given().auth()
                .oauth2(board("round-a"))
                .get("/api/v1/subsidies/allocations/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                4,
                ownBoard.getInt("lines.find { it.schoolLocationId == '43UR01' }.inputs.recentIncidents"),
                "the theft does not count");
        assertEquals(2, ownBoard.getInt("lines.find { it.schoolLocationId == '43UR01' }.inputs.previousIncidents"));
        assertEquals(4.0, ownBoard.getDouble("lines.find { it.schoolLocationId == '43UR01' }.inputs.rate"), 1e-9);
        given().auth()
                .oauth2(board("round-b"))
                .get("/api/v1/subsidies/allocations/" + id)
                .then()
                .statusCode(200)
                .body("formula", org.hamcrest.Matchers.containsString("wRank"))
                .body("lines.size()", equalTo(3))
                .body("rankings.size()", equalTo(3))
                .body("lines.find { it.schoolLocationId == '43UR01' }.inputs.recentIncidents", equalTo("<5"))
                .body("lines.find { it.schoolLocationId == '43UR03' }.inputs.recentIncidents", equalTo(10));

        String pot = SubsidyFixture.potId(programme, "VO");
        Map<String, Object> adjusted =
                Map.of("adjustments", List.of(Map.of("schoolLocationId", "43UR02", "amountCents", 1_000_000)));
        answer(id, "round-a", Map.of("agree", true)).then().statusCode(200);
        answer(id, "round-b", Map.of("agree", false)).then().statusCode(400).body("errors.field", hasItem("reason"));
        answer(id, "round-b", Map.of("agree", false, "reason", "43UR03's rise is understated"))
                .then()
                .statusCode(200)
                .body("agreements.find { it.boardId == 'round-b' }.agreed", equalTo(false));
        answer(id, "round-c", Map.of("agree", true))
                .then()
                .statusCode(409)
                .body("type", containsString("not-on-the-list"));
        confirm(id, adjusted)
                .then()
                .statusCode(409)
                .body("type", containsString("list-not-agreed"))
                .body("context.objectedBy", equalTo(List.of("round-b")));
        propose(id).then().statusCode(200).body("agreements.size()", equalTo(0));
        answer(id, "round-b", Map.of("agree", true)).then().statusCode(200);
        confirm(id, adjusted).then().statusCode(409).body("context.waitingFor", equalTo(List.of("round-a")));
        answer(id, "round-a", Map.of("agree", true)).then().statusCode(200);
        confirm(id, adjusted).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        assertEquals(
                8_000_000 - 3_368_421 - 1_000_000 - 3_157_895,
                count("SELECT balance_cents FROM pot WHERE id = CAST(? AS uuid)", pot));

        String application =
                SubsidyFixture.apply("round-a", programme, "43UR02", "TEAM_TRAINING_AGGRESSION", 1_200_000);
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "GRANT"))
                .post("/api/v1/subsidies/applications/" + application + "/decision")
                .then()
                .statusCode(200);
        assertEquals(
                1_000_000,
                count(
                        "SELECT amount_cents FROM ledger_entry WHERE application_id = CAST(? AS uuid) AND kind = 'RELEASE'",
                        application),
                "the grant draws the location's reservation first");
        assertEquals(
                8_000_000 - 3_368_421 - 1_200_000 - 3_157_895,
                count("SELECT balance_cents FROM pot WHERE id = CAST(? AS uuid)", pot));
        assertEquals(
                count("SELECT balance_cents FROM pot WHERE id = CAST(? AS uuid)", pot),
                count("SELECT sum(amount_cents) FROM ledger_entry WHERE pot_id = CAST(? AS uuid)", pot));
    }

    @Test
    void theFormulaIsReproducibleFromTheRegisterWithItsInputsStored() {
        SubsidyFixture.locations(
                SubsidyFixture.location("44FO01", "formula", "MBO", 3000),
                SubsidyFixture.location("44FO02", "formula", "MBO", 1000));
        String programme = SubsidyFixture.programme("2034-2035", "FORMULA", 8_000_000, 10_000_000);
        JsonPath first = begin(programme, "MBO", 50_000L);
        JsonPath again = given().auth()
                .oauth2(OFFICER)
                .post("/api/v1/subsidies/allocations/" + first.getString("id") + "/proposal")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(first.getList("lines"), again.getList("lines"), "the same register gives the same allocation");
        assertEquals(8_000_000, first.getLong("totalProposedCents"));
        assertEquals(3000, first.getInt("lines.find { it.schoolLocationId == '44FO01' }.inputs.pupils"));
        assertEquals(50_000, first.getInt("lines.find { it.schoolLocationId == '44FO01' }.inputs.baseCents"));
        assertEquals(
                3 * (proposed(first, "44FO02") - 50_000),
                proposed(first, "44FO01") - 50_000,
                3,
                "beyond the base, money follows weighted pupils");
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "sector", "MBO"))
                .post("/api/v1/subsidies/allocations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("baseCents"));
        Map<String, Object> retried = Map.of("programmeId", programme, "sector", "MBO", "baseCents", 10_000);
        String once = given().auth()
                .oauth2(OFFICER)
                .header("Idempotency-Key", "formula-44fo")
                .contentType(ContentType.JSON)
                .body(retried)
                .post("/api/v1/subsidies/allocations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(OFFICER)
                .header("Idempotency-Key", "formula-44fo")
                .contentType(ContentType.JSON)
                .body(retried)
                .post("/api/v1/subsidies/allocations")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(once));
    }
}
