package nl.rotterdam.schoolsafe.subsidy.application;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.OFFICER;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.board;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.subsidy.SubsidyFixture;
import org.junit.jupiter.api.Test;

/** What a grant rests on: the urgency round's agreed joint list, and for extra security the rise it answers. */
@QuarkusTest
class GrantGroundsTest {

    private static Response decide(String application, String reason, String exceptionReason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", "GRANT");
        if (reason != null) {
            body.put("reason", reason);
        }
        if (exceptionReason != null) {
            body.put("exceptionReason", exceptionReason);
        }
        return given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subsidies/applications/" + application + "/decision");
    }

    private static long balance(String pot) {
        return count("SELECT balance_cents FROM pot WHERE id = CAST(? AS uuid)", pot);
    }

    @Test
    void grantsALocationOffTheAgreedJointListOnlyAsAnExceptionTheReportsShow() {
        SubsidyFixture.locations(
                SubsidyFixture.location("47EX01", "exception", "VO", 800),
                SubsidyFixture.location("47EX02", "exception", "VO", 600));
        String programme = SubsidyFixture.programme("2040-2041", "URGENCY_ROUND", 8_000_000, 10_000_000);
        String pot = SubsidyFixture.potId(programme, "VO");
        String round = given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "sector", "VO"))
                .post("/api/v1/subsidies/allocations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        SubsidyFixture.rank(round, "exception", List.of("47EX01")).then().statusCode(200);
        SubsidyFixture.propose(round).then().statusCode(200);
        SubsidyFixture.answer(round, "exception", Map.of("agree", true)).then().statusCode(200);
        SubsidyFixture.confirm(
                        round,
                        Map.of("adjustments", List.of(Map.of("schoolLocationId", "47EX01", "amountCents", 5_000_000))))
                .then()
                .statusCode(200);
        long afterRound = balance(pot);
        assertEquals(3_000_000, afterRound, "what the round did not reserve is the free balance exceptions draw on");

        String off = SubsidyFixture.apply("exception", programme, "47EX02", "TEAM_TRAINING_AGGRESSION", 50_000);
        decide(off, null, null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("exceptionReason")));
        assertEquals(afterRound, balance(pot), "a refused grant moves no money");
        decide(off, null, "Acute rise after the summer; the joint list was fixed before it.")
                .then()
                .statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("exceptionReason", equalTo("Acute rise after the summer; the joint list was fixed before it."));
        assertEquals(afterRound - 50_000, balance(pot));

        String on = SubsidyFixture.apply("exception", programme, "47EX01", "TEAM_TRAINING_AGGRESSION", 60_000);
        decide(on, null, "no need").then().statusCode(400).body("errors.field", hasItem("exceptionReason"));
        decide(on, null, null).then().statusCode(200).body("exceptionReason", nullValue());

        given().auth()
                .oauth2(OFFICER)
                .queryParam("schoolYear", "2040-2041")
                .get("/api/v1/subsidies/reports/decisions")
                .then()
                .statusCode(200)
                .body("approved", equalTo(2))
                .body("exceptions", hasSize(1))
                .body("exceptions[0].applicationId", equalTo(off))
                .body("exceptions[0].schoolLocationId", equalTo("47EX02"))
                .body("exceptions[0].cents", equalTo(50_000))
                .body(
                        "exceptions[0].exceptionReason",
                        equalTo("Acute rise after the summer; the joint list was fixed before it."))
                .body("programmes[0].method", equalTo("URGENCY_ROUND"))
                .body("programmes[0].approved", equalTo(2));
    }

    @Test
    void anExtraSecurityGrantRecordsTheLocationsIncidentTrendBandedForTheMunicipality() {
        SubsidyFixture.locations(
                SubsidyFixture.location("48TR01", "trend", "VO", 900),
                SubsidyFixture.location("48TR02", "trend", "VO", 900));
        OffsetDateTime now = OffsetDateTime.now();
        SubsidyFixture.incidents("48TR01", "THREAT", now.minusDays(10), 6);
        SubsidyFixture.incidents("48TR01", "THEFT", now.minusDays(10), 3);
        SubsidyFixture.incidents("48TR01", "PHYSICAL_VIOLENCE", now.minusDays(120), 2);
        SubsidyFixture.incidents("48TR02", "WEAPON", now.minusDays(150), 1);
        String programme = SubsidyFixture.programme("2037-2038", "FORMULA", 8_000_000, 10_000_000);

        String rising = SubsidyFixture.apply("trend", programme, "48TR01", "EXTRA_SECURITY", 40_000);
        decide(rising, null, null)
                .then()
                .statusCode(200)
                .body("incidentTrend.recentIncidents", equalTo("6"))
                .body("incidentTrend.previousIncidents", equalTo("<5"))
                .body("incidentTrend.windowDays", equalTo(90))
                .body("incidentTrend.rising", equalTo(true));
        given().auth()
                .oauth2(board("trend"))
                .get("/api/v1/subsidies/applications/" + rising)
                .then()
                .statusCode(200)
                .body("incidentTrend.recentIncidents", equalTo("6"))
                .body("incidentTrend.previousIncidents", equalTo("2"));
        assertEquals(
                6,
                count("SELECT trend_recent_incidents FROM application WHERE id = CAST(? AS uuid)", rising),
                "the theft does not count");

        String flat = SubsidyFixture.apply("trend", programme, "48TR02", "EXTRA_SECURITY", 40_000);
        decide(flat, null, null).then().statusCode(400).body("errors.field", equalTo(List.of("reason")));
        decide(flat, "Staff report threats at the gate after school hours.", null)
                .then()
                .statusCode(200)
                .body("incidentTrend.recentIncidents", equalTo("<5"))
                .body("incidentTrend", not(hasKey("rising")));
        given().auth()
                .oauth2(board("trend"))
                .get("/api/v1/subsidies/applications/" + flat)
                .then()
                .statusCode(200)
                .body("incidentTrend.rising", equalTo(false));
        assertEquals(1, count("SELECT trend_previous_incidents FROM application WHERE id = CAST(? AS uuid)", flat));

        String training = SubsidyFixture.apply("trend", programme, "48TR01", "TEAM_TRAINING_AGGRESSION", 10_000);
        decide(training, null, null).then().statusCode(200).body("incidentTrend", nullValue());
    }
}
