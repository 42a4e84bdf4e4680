package nl.rotterdam.schoolsafe.incident.policereport;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.DELFSHAVEN_LYCEUM;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.coordinatorOf;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.staffOf;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentWorkflowTest.consult;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentWorkflowTest.consultParents;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentWorkflowTest.create;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentWorkflowTest.decide;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.RegisterFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Police involvement as council answer 49 describes it, on the real database. */
@QuarkusTest
class PoliceInvolvementTest {
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void register() {
        RegisterFixture.load();
    }

    private static Response decideRoute(String id, String route, String reason) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("status", "OTHER_ROUTE");
        decision.put("route", route);
        decision.put("reason", reason);
        return given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(decision)
                .post("/api/v1/incidents/" + id + "/police-report/decisions");
    }

    @Test
    void refusesNoActionForAMinorWithoutParentsConsulted() {
        String id = create(DELFSHAVEN_LYCEUM);
        decide(id, "CONSIDERING", null).then().statusCode(200);
        consult(id, "ENFORCEMENT").then().statusCode(200);
        decide(id, "NO_ACTION", "Settled with a conversation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/parents-not-consulted"))
                .body("context.minorsWithoutConsultation", contains("involvedPersons[0]"));
        assertEquals("CONSULTED", storedStatus(id));
    }

    @Test
    void refusesNotFilingWithoutConsultingPoliceOrEnforcement() {
        String id = create(DELFSHAVEN_LYCEUM);
        consultParents(id, "GUARDIAN").then().statusCode(200);
        decide(id, "CONSIDERING", null).then().statusCode(200);
        decide(id, "NO_ACTION", "We handle it ourselves")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/police-or-enforcement-not-consulted"))
                .body("context.currentStatus", equalTo("CONSIDERING"));
        decide(id, "SCHOOL_REPORT_ONLY", null).then().statusCode(409);
        assertEquals("CONSIDERING", storedStatus(id));
    }

    @Test
    void takesTheHaltRouteAgreedWithTheYouthEnforcers() {
        given().auth()
                .oauth2(staffOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/involvement-routes")
                .then()
                .statusCode(200)
                .body("code", hasItems("HALT_REFERRAL", "MEDIATION", "RESTORATIVE_CONVERSATION"));
        String id = create(DELFSHAVEN_LYCEUM);
        decide(id, "CONSIDERING", null).then().statusCode(200);
        consult(id, "ENFORCEMENT").then().statusCode(200).body("consultations[0].party", equalTo("ENFORCEMENT"));
        consultParents(id, "GUARDIAN").then().statusCode(200);
        decideRoute(id, "UNKNOWN_ROUTE", null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("route"));
        decideRoute(id, "HALT_REFERRAL", "Agreed with the boa and the parents")
                .then()
                .statusCode(200)
                .body("status", equalTo("OTHER_ROUTE"))
                .body("route", equalTo("HALT_REFERRAL"))
                .body("steps.status", contains("CONSIDERING", "CONSULTED", "OTHER_ROUTE"))
                .body("steps[2].route", equalTo("HALT_REFERRAL"))
                .body("consultations[0].contact", equalTo("Community police officer, Delfshaven"))
                .body("nextSteps", hasSize(0));
        Object[] row = (Object[]) entityManager
                .createNativeQuery("select police_report_status, police_report_route from incident where id = :id")
                .setParameter("id", UUID.fromString(id))
                .getSingleResult();
        assertEquals("OTHER_ROUTE", row[0]);
        assertEquals("HALT_REFERRAL", row[1]);
    }

    @Test
    void namesEveryBadFieldOfAConsultation() {
        String id = create(DELFSHAVEN_LYCEUM);
        decide(id, "CONSIDERING", null).then().statusCode(200);
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("party", "NEIGHBOURS", "contact", " "))
                .post("/api/v1/incidents/" + id + "/police-report/consultations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("party", "contact", "consultedAt"));
    }

    private String storedStatus(String id) {
        return (String) entityManager
                .createNativeQuery("select police_report_status from incident where id = :id")
                .setParameter("id", UUID.fromString(id))
                .getSingleResult();
    }
}
