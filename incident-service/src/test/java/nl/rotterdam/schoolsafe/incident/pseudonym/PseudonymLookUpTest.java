package nl.rotterdam.schoolsafe.incident.pseudonym;

import static io.restassured.RestAssured.given;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.CHARLOIS_PRAKTIJK;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.DELFSHAVEN_LYCEUM;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.TOKENS;
import static nl.rotterdam.schoolsafe.incident.RegisterFixture.coordinatorOf;
import static nl.rotterdam.schoolsafe.incident.incident.IncidentWorkflowTest.body;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.RegisterFixture;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PseudonymLookUpTest {
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void register() {
        RegisterFixture.load();
    }

    /** An incident at Delfshaven involving a pupil with a number no other test uses; returns its id. */
    private static String incidentInvolving(String studentNumber) {
        Map<String, Object> request =
                body(DELFSHAVEN_LYCEUM, OffsetDateTime.now().minusHours(1));
        request.put(
                "involvedPersons",
                List.of(Map.of("role", "WITNESS", "kind", "STUDENT", "studentNumber", studentNumber)));
        return given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .contentType(ContentType.JSON)
                .body(request)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Response lookUp(String token, String studentNumber) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("studentNumber", studentNumber))
                .post("/api/v1/incidents/pseudonyms");
    }

    private static String staffMember(String location) {
        return TOKENS.mint(Tokens.Holder.school("staff-" + UUID.randomUUID(), "SCHOOL_STAFF", location));
    }

    @Test
    void givesThePseudonymOfAPupilInTheCallersIncidentsAndRecordsTheProcessing() {
        String number = "LOOKUP-" + System.nanoTime();
        String id = incidentInvolving(number);
        String stored = given().auth()
                .oauth2(coordinatorOf(DELFSHAVEN_LYCEUM))
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("involvedPersons[0].pseudonym");
        String staff = staffMember(DELFSHAVEN_LYCEUM);

        lookUp(staff, number.toLowerCase()).then().statusCode(200).body("pseudonym", equalTo(stored));

        List<?> records = entityManager
                .createNativeQuery("SELECT actor, role, purpose, record_id, owner FROM processing_log"
                        + " WHERE data_subject = ?1 AND record_type = 'PseudonymLookUp'")
                .setParameter(1, stored)
                .getResultList();
        assertEquals(1, records.size());
        Object[] record = (Object[]) records.get(0);
        assertEquals("SCHOOL_STAFF", record[1]);
        assertEquals(PseudonymLookUp.PURPOSE, record[2]);
        assertEquals(id, record[3]);
        assertEquals(DELFSHAVEN_LYCEUM, record[4]);
        assertTrue(((String) record[0]).startsWith("staff-"));
    }

    @Test
    void answers404ForAPupilInNoIncidentOfTheCallersLocations() {
        String number = "LOOKUP-" + System.nanoTime();
        lookUp(staffMember(DELFSHAVEN_LYCEUM), number)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/not-found"));

        incidentInvolving(number);
        String elsewhere = "staff-" + UUID.randomUUID();
        lookUp(TOKENS.mint(Tokens.Holder.school(elsewhere, "SCHOOL_STAFF", CHARLOIS_PRAKTIJK)), number)
                .then()
                .statusCode(404);
        Number logged = (Number) entityManager
                .createNativeQuery("SELECT count(*) FROM processing_log WHERE actor = ?1")
                .setParameter(1, elsewhere)
                .getSingleResult();
        assertEquals(0, logged.intValue(), "a 404 shows nothing personal, so it is no processing");
        lookUp(staffMember(DELFSHAVEN_LYCEUM), number).then().statusCode(200);
    }

    @Test
    void aCallerOverItsBudgetGets429WithRetryAfterWhileAnotherCallerIsUnaffected() {
        String number = "LOOKUP-" + System.nanoTime();
        incidentInvolving(number);
        String greedy = staffMember(DELFSHAVEN_LYCEUM);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            statuses.add(lookUp(greedy, i % 2 == 0 ? number : "UNKNOWN-" + i).statusCode());
        }
        assertEquals(30, statuses.stream().filter(s -> s == 200 || s == 404).count(), statuses::toString);
        assertEquals(429, statuses.get(30));
        lookUp(greedy, number)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"))
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/too-many-requests"));

        lookUp(staffMember(DELFSHAVEN_LYCEUM), number).then().statusCode(200);
    }
}
