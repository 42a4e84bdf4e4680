package nl.rotterdam.schoolsafe.incident.incident;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.DELFSHAVEN_LYCEUM;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.TOKENS;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.coordinatorOf;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.staffOf;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentWorkflowTest.announceExpulsion;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentWorkflowTest.create;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentWorkflowTest.decide;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.incident.RegisterFixture;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The role table: police involvement is the safety coordinator's; measures the coordinator's and the board's. */
@QuarkusTest
class ViewsPerRoleTest {
    private static final String BOARD = TOKENS.mint(Tokens.Holder.board("board-boor", "boor"));

    @BeforeEach
    void register() {
        RegisterFixture.load();
    }

    private static String incidentWithAMeasure() {
        String id = create(DELFSHAVEN_LYCEUM);
        decide(id, "CONSIDERING", null).then().statusCode(200);
        announceExpulsion(id).then().statusCode(201);
        return id;
    }

    @Test
    void aStaffMemberSeesTheIncidentWithoutPoliceInvolvementAndMeasures() {
        String id = incidentWithAMeasure();
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("description", equalTo("Threats in the canteen."))
                .body("involvedPersons", hasSize(2))
                .body("$", not(hasKey("policeReport")))
                .body("$", not(hasKey("measures")));
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .queryParam("limit", 100)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }", not(hasKey("policeReportStatus")));
    }

    @Test
    void aStaffMembersOwnChangeIsAnsweredWithoutThemEither() {
        String id = incidentWithAMeasure();
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("text", "A threat between two students during lunch."))
                .put("/api/v1/incidents/" + id + "/shareable-summary")
                .then()
                .statusCode(200)
                .body("$", not(hasKey("policeReport")))
                .body("$", not(hasKey("measures")));
    }

    @Test
    void theCoordinatorSeesBoth() {
        String id = incidentWithAMeasure();
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("policeReport.status", equalTo("CONSIDERING"))
                .body("measures", hasSize(1));
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .queryParam("policeReportStatus", "CONSIDERING")
                .queryParam("limit", 100)
                .get("/api/v1/incidents")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.policeReportStatus", equalTo("CONSIDERING"));
    }

    @Test
    void theBoardSeesTheMeasuresItDecidesButNotPoliceInvolvement() {
        String id = incidentWithAMeasure();
        given().auth()
                .oauth2(BOARD)
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("measures", hasSize(1))
                .body("$", not(hasKey("policeReport")));
    }

    private static List<Map<String, Object>> trail(String token, String id) {
        return given().auth()
                .oauth2(token)
                .queryParam("limit", 100)
                .get("/api/v1/incidents/" + id + "/audit-trail")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }

    @Test
    void theBoardsAuditTrailLeavesOutPoliceInvolvementWhichTheCoordinatorsShows() {
        String id = incidentWithAMeasure();
        List<Map<String, Object>> coordinators = trail(coordinatorOf(DELFSHAVEN_LYCEUM), id);
        assertTrue(
                coordinators.stream().anyMatch(e -> ((String) e.get("action")).startsWith("police-report:")),
                "the coordinator sees the police involvement in the trail");
        List<Map<String, Object>> boards = trail(BOARD, id);
        assertFalse(boards.isEmpty());
        for (Map<String, Object> entry : boards) {
            assertFalse(((String) entry.get("action")).startsWith("police"), entry.toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> changes = (Map<String, Object>) entry.get("changes");
            for (String field : Incident.POLICE_INVOLVEMENT_FIELDS) {
                assertFalse(changes.containsKey(field), field + " in " + entry);
            }
        }
        assertTrue(
                boards.stream().anyMatch(e -> ((Map<?, ?>) e.get("changes")).containsKey("measures")),
                "the measure the board decides stays in its trail");
    }

    @Test
    void aStaffMemberCannotFilterOnPoliceInvolvement() {
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .queryParam("policeReportStatus", "FILED")
                .get("/api/v1/incidents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("policeReportStatus"));
    }
}
