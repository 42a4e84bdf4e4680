package nl.rotterdam.schoolsafe.subsidy.programme;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.OFFICER;
import static nl.rotterdam.schoolsafe.subsidy.SubsidyFixture.board;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import nl.rotterdam.schoolsafe.platform.event.OfferingEvent;
import nl.rotterdam.schoolsafe.subsidy.SubsidyFixture;
import org.junit.jupiter.api.Test;

/**
 * The quality budget (council answers 5 to 7): one pot for po, vo, so and vso divided by a fixed formula with sector
 * weights, applications for catalog interventions that are evidence-based or evidence-informed, and the approved
 * and rejected counts per programme the council is told.
 */
@QuarkusTest
class QualityBudgetTest {
    private static final String YEAR = "2038-2039";
    private static final UUID INFORMED = UUID.randomUUID();
    private static final UUID PROMISING = UUID.randomUUID();
    private static final UUID FOR_MBO = UUID.randomUUID();

    private static Response apply(String programme, String location, UUID intervention) {
        Map<String, Object> body = new HashMap<>();
        body.put("programmeId", programme);
        body.put("schoolLocationId", location);
        body.put("theme", "AGGRESSION");
        body.put("category", "YOUTH_AGGRESSION_RESILIENCE");
        body.put("amountCents", 120_000);
        body.put("plan", "Rots en Water for groups 7 and 8.");
        if (intervention != null) {
            body.put("interventionId", intervention);
        }
        return given().auth()
                .oauth2(board("quality"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subsidies/applications");
    }

    private static Response startProgramme(
            String name, long fourEyesAboveCents, List<Map<String, Object>> pots, List<String> acceptedEvidenceLevels) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "schoolYear",
                YEAR,
                "name",
                name,
                "method",
                "FORMULA",
                "fourEyesAboveCents",
                fourEyesAboveCents,
                "pots",
                pots));
        if (acceptedEvidenceLevels != null) {
            body.put("acceptedEvidenceLevels", acceptedEvidenceLevels);
        }
        return given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subsidies/programmes");
    }

    private static void decide(String application, Map<String, Object> decision) {
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(decision)
                .post("/api/v1/subsidies/applications/" + application + "/decision")
                .then()
                .statusCode(200);
    }

    private static JsonPath line(JsonPath allocation, String location) {
        return new JsonPath(allocation.prettify())
                .setRootPath("lines.find { it.schoolLocationId == '" + location + "' }");
    }

    @Test
    void aFormulaRoundForPoAndSoWeighsSpecialPupilsDoubleAndApplicationsNameAProvenIntervention() {
        SubsidyFixture.locations(
                SubsidyFixture.location("49QB01", "quality", "PO", 400),
                SubsidyFixture.location("49QB02", "quality", "SO", 100),
                SubsidyFixture.location("49QB03", "quality", "MBO", 1000));
        SubsidyFixture.offerings(
                new OfferingEvent(
                        INFORMED,
                        "rots-en-water",
                        EvidenceLevel.EVIDENCE_INFORMED,
                        List.of("AGGRESSION"),
                        List.of("PO", "SO")),
                new OfferingEvent(
                        PROMISING, "nieuw-initiatief", EvidenceLevel.PROMISING, List.of("AGGRESSION"), List.of("SO")),
                new OfferingEvent(
                        FOR_MBO, "mbo-weerbaar", EvidenceLevel.EVIDENCE_BASED, List.of("AGGRESSION"), List.of("MBO")));
        String programme = startProgramme(
                        "Kwaliteitsbudget " + YEAR,
                        10_000_000,
                        List.of(Map.of("sector", "PO_VO_SO_VSO", "amountCents", 9_000_000)),
                        List.of("EVIDENCE_BASED", "EVIDENCE_INFORMED"))
                .then()
                .statusCode(201)
                .body("acceptedEvidenceLevels", equalTo(List.of("EVIDENCE_BASED", "EVIDENCE_INFORMED")))
                .extract()
                .path("id");
        startProgramme(
                        "Overlapping",
                        0,
                        List.of(
                                Map.of("sector", "PO_VO_SO_VSO", "amountCents", 100),
                                Map.of("sector", "VO", "amountCents", 100)),
                        null)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("pots"));

        JsonPath round = given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of("programmeId", programme, "sector", "PO_VO_SO_VSO", "baseCents", 0))
                .post("/api/v1/subsidies/allocations")
                .then()
                .statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .extract()
                .jsonPath();
        JsonPath po = line(round, "49QB01");
        JsonPath so = line(round, "49QB02");
        assertEquals(1, po.getInt("inputs.sectorWeight"));
        assertEquals(400, po.getInt("inputs.weightedPupils"));
        assertEquals(2, so.getInt("inputs.sectorWeight"), "a special primary pupil weighs double");
        assertEquals(200, so.getInt("inputs.weightedPupils"));
        long poCents = po.getLong("proposedCents");
        long soCents = so.getLong("proposedCents");
        assertTrue(Math.abs(poCents - 2 * soCents) <= 2, poCents + " is twice " + soCents);
        assertFalse(
                round.getList("lines.schoolLocationId", String.class).contains("49QB03"),
                "mbo draws from no pot of the quality budget");
        assertEquals(9_000_000, round.getLong("lines.proposedCents.sum()"));

        apply(programme, "49QB01", null)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("interventionId")))
                .body("errors[0].message", containsString("EVIDENCE_INFORMED"));
        apply(programme, "49QB02", PROMISING)
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("PROMISING"));
        apply(programme, "49QB01", FOR_MBO)
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("not for the location's sector PO"));
        apply(programme, "49QB02", UUID.randomUUID())
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("not an intervention in the catalog"));
        String approved = apply(programme, "49QB01", INFORMED)
                .then()
                .statusCode(201)
                .body("intervention.offeringId", equalTo(INFORMED.toString()))
                .body("intervention.code", equalTo("rots-en-water"))
                .body("intervention.evidenceLevel", equalTo("EVIDENCE_INFORMED"))
                .extract()
                .path("id");
        String rejected = apply(programme, "49QB02", INFORMED)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        decide(approved, Map.of("decision", "GRANT"));
        given().auth()
                .oauth2(OFFICER)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "Not aimed at basic skills.", "exceptionReason", "x"))
                .post("/api/v1/subsidies/applications/" + rejected + "/decision")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("exceptionReason")));
        decide(rejected, Map.of("decision", "REJECT", "reason", "Not aimed at basic skills."));

        String untouched = startProgramme(
                        "Nog zonder aanvragen", 0, List.of(Map.of("sector", "MBO", "amountCents", 100)), null)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(OFFICER)
                .queryParam("schoolYear", YEAR)
                .get("/api/v1/subsidies/reports/decisions")
                .then()
                .statusCode(200)
                .body("programmes.find { it.programmeId == '" + untouched + "' }.approved", equalTo(0))
                .body("programmes.find { it.programmeId == '" + untouched + "' }.byEvidenceLevel", equalTo(List.of()));

        JsonPath report = given().auth()
                .oauth2(OFFICER)
                .queryParam("schoolYear", YEAR)
                .get("/api/v1/subsidies/reports/decisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("programmes.find { it.programmeId == '" + programme + "' }");
        assertEquals("FORMULA", report.getString("method"));
        assertEquals(1, report.getInt("approved"));
        assertEquals(1, report.getInt("rejected"));
        assertEquals(
                List.of(Map.of(
                        "evidenceLevel",
                        "EVIDENCE_INFORMED",
                        "approved",
                        1,
                        "partlyApproved",
                        0,
                        "rejected",
                        1,
                        "undecided",
                        0)),
                report.getList("byEvidenceLevel"));
    }
}
