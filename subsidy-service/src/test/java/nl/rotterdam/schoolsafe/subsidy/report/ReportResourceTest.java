package nl.rotterdam.schoolsafe.subsidy.report;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.OFFICER;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.count;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.subsidy.SubsidyFixture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {
    private static final String YEAR = "2035-2036";

    private static void decide(String id, Map<String, Object> decision) {
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(decision)
                .post("/api/v1/subsidies/applications/" + id + "/decision")
                .then()
                .statusCode(200);
    }

    @Test
    void theReportsAndThe360GivingExportMatchTheLedger() {
        SubsidyFixture.locations(
                SubsidyFixture.location("45RP01", "reports", "VO", 800),
                SubsidyFixture.location("45RP02", "reports", "MBO", 2500));
        String programme = SubsidyFixture.programme(YEAR, "FORMULA", 8_000_000, 10_000_000);
        String full = SubsidyFixture.apply("reports", programme, "45RP01", "EXTRA_SECURITY", 300_000);
        String partly = SubsidyFixture.apply("reports", programme, "45RP02", "TEAM_TRAINING_AGGRESSION", 500_000);
        String rejected = SubsidyFixture.apply("reports", programme, "45RP01", "YOUTH_AGGRESSION_RESILIENCE", 100_000);
        SubsidyFixture.apply("reports", programme, "45RP01", "EXTRA_SECURITY", 70_000);
        // no incidents at 45RP01, so extra security is granted for the unsafety felt
        decide(full, Map.of("decision", "GRANT", "reason", "Threats at the gate after school hours"));
        decide(partly, Map.of("decision", "GRANT", "amountCents", 350_000, "reason", "Only the first training"));
        decide(rejected, Map.of("decision", "REJECT", "reason", "Not in this year's plan"));
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of("amountCents", 280_000))
                .post("/api/v1/subsidies/applications/" + full + "/settlement")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(OFFICER)
                .queryParam("schoolYear", YEAR)
                .get("/api/v1/subsidies/reports/decisions")
                .then()
                .statusCode(200)
                .body("approved", equalTo(1))
                .body("partlyApproved", equalTo(1))
                .body("rejected", equalTo(1))
                .body("undecided", equalTo(1));

        JsonPath pots = given().auth()
                .oauth2(OFFICER)
                .queryParam("schoolYear", YEAR)
                .get("/api/v1/subsidies/reports/pots")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(8_000_000 - 280_000, pots.getLong("find { it.sector == 'VO' }.balanceCents"));
        assertEquals(8_000_000 - 350_000, pots.getLong("find { it.sector == 'MBO' }.balanceCents"));
        for (String sector : List.of("VO", "MBO")) {
            assertEquals(
                    pots.getLong("find { it.sector == '" + sector + "' }.ledgerSumCents"),
                    pots.getLong("find { it.sector == '" + sector + "' }.balanceCents"));
        }
        assertEquals(20_000, pots.getLong("find { it.sector == 'VO' }.returnedCents"));

        given().auth()
                .oauth2(OFFICER)
                .queryParam("schoolYear", YEAR)
                .queryParam("groupBy", "CATEGORY")
                .get("/api/v1/subsidies/reports/spending")
                .then()
                .statusCode(200)
                .body("find { it.key == 'EXTRA_SECURITY' }.grantedCents", equalTo(300_000))
                .body("find { it.key == 'EXTRA_SECURITY' }.settledCents", equalTo(280_000))
                .body("find { it.key == 'TEAM_TRAINING_AGGRESSION' }.grantedCents", equalTo(350_000));

        JsonPath grants = new JsonPath(given().auth()
                        .oauth2(OFFICER)
                        .queryParam("schoolYear", YEAR)
                        .get("/api/v1/subsidies/reports/grants-360giving")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(2, grants.getList("items").size());
        for (String id : List.of(full, partly)) {
            String grant = "items.find { it.id.endsWith('" + id + "') }";
            long awardedCents = grants.<BigDecimal>get(grant + ".amountAwarded")
                    .movePointRight(2)
                    .longValueExact();
            assertEquals(
                    -count(
                            "SELECT sum(amount_cents) FROM ledger_entry WHERE application_id = CAST(? AS uuid) AND kind = 'GRANT'",
                            id),
                    awardedCents,
                    "awarded is what the ledger granted");
            assertEquals("EUR", grants.getString(grant + ".currency"));
            assertEquals("Gemeente Rotterdam", grants.getString(grant + ".fundingOrganization[0].name"));
            assertEquals("Board reports", grants.getString(grant + ".recipientOrganization[0].name"));
        }
        assertEquals(
                new BigDecimal("2800.00"), grants.get("items.find { it.id.endsWith('" + full + "') }.amountDisbursed"));
        assertEquals(
                new BigDecimal("5000.00"),
                grants.get("items.find { it.id.endsWith('" + partly + "') }.amountAppliedFor"));
        assertEquals(
                "45RP02",
                grants.getString("items.find { it.id.endsWith('" + partly + "') }.beneficiaryLocation[0].geoCode"));

        given().auth()
                .oauth2(SubsidyFixture.board("reports"))
                .queryParam("schoolYear", YEAR)
                .get("/api/v1/subsidies/reports/grants-360giving")
                .then()
                .statusCode(403)
                .body("type", org.hamcrest.Matchers.containsString("forbidden"));
        given().auth()
                .oauth2(OFFICER)
                .queryParam("schoolYear", "2035")
                .get("/api/v1/subsidies/reports/pots")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("schoolYear"));
    }
}
