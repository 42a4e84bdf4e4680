package nl.rotterdam.schoolsafe.incident.sharing;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.DELFSHAVEN_LYCEUM;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.coordinatorOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.incident.RegisterFixture;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShareableSummaryTest {
    private static final String SERVICE =
            RegisterFixture.TOKENS.mint(Tokens.Holder.of("escalation-service", "SERVICE"));

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void register() {
        RegisterFixture.load();
    }

    private static String incident(boolean draft) {
        return given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "schoolLocationId",
                        DELFSHAVEN_LYCEUM,
                        "occurredAt",
                        OffsetDateTime.now().minusHours(2).toString(),
                        "locationType",
                        "PUBLIC_TRANSPORT",
                        "category",
                        "THREAT",
                        "severity",
                        "HIGH",
                        "description",
                        "Internal notes that never leave the school.",
                        "draft",
                        draft,
                        "involvedPersons",
                        List.of(Map.of("role", "VICTIM", "kind", "STUDENT", "studentNumber", "SUM-1"))))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.Response write(String id, String text) {
        return given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(Map.of("text", text))
                .put("/api/v1/incidents/" + id + "/shareable-summary");
    }

    private static io.restassured.response.Response share(String token, List<String> ids) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "incidentIds", ids, "recipient", "POLICE", "reader", "demo-police", "purpose", "escalation 42"))
                .post("/internal/v1/shareable-summaries");
    }

    @Test
    void sharesTheSummaryNotTheDescriptionWithAServiceAndLogsTheProcessing() {
        String id = incident(false);
        String withoutSummary = incident(false);
        write(id, "Threats between students of two schools after an online dispute.")
                .then()
                .statusCode(200)
                .body("shareableSummary", equalTo("Threats between students of two schools after an online dispute."));

        share(SERVICE, List.of(id, withoutSummary))
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].incidentId", equalTo(id))
                .body("[0].summary", equalTo("Threats between students of two schools after an online dispute."))
                .body(org.hamcrest.Matchers.not(containsString("Internal notes")));

        List<?> logged = entityManager
                .createNativeQuery(
                        "SELECT purpose FROM processing_log WHERE record_id = ?1 AND actor = 'escalation-service' AND role = 'SERVICE'")
                .setParameter(1, id)
                .getResultList();
        assertEquals(1, logged.size(), "one processing per data subject handed out");
        assertTrue(
                logged.get(0).toString().contains("POLICE demo-police"),
                () -> "purpose names recipient and reader: " + logged);
        given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id + "/audit-trail")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("write-shareable-summary"));
    }

    @Test
    void refusesSummariesToPeopleEvenOfTheOwnSchool() {
        String id = incident(false);
        write(id, "Dispute continued on the metro.").then().statusCode(200);
        share(coordinatorOf(DELFSHAVEN_LYCEUM), List.of(id))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("forbidden"))
                .body(org.hamcrest.Matchers.not(containsString("Dispute")));
    }

    @Test
    void refusesSummariesWithIdentifyingNumbersOrAddresses() {
        String id = incident(false);
        write(id, "Student 123456789 threatened another.")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("text"));
        write(id, "Mail the mother at ouder@example.nl").then().statusCode(400).body("errors.field", hasItem("text"));
        write(id, " ").then().statusCode(400).body("errors.field", hasItem("text"));
    }

    @Test
    void aDraftHasNoSummaryToShare() {
        String draft = incident(true);
        write(draft, "Dispute continued on the metro.")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("context.currentState", equalTo("DRAFT"));
        share(SERVICE, List.of(draft)).then().statusCode(200).body("", hasSize(0));
    }
}
