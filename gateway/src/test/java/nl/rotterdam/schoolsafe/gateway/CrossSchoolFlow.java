package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The system tests' everyday case: a weapon shown at a tram stop near a school of Delfshaven by a student of
 * another school, which the escalation-service always turns into a case; and the steps around it.
 */
final class CrossSchoolFlow {
    private CrossSchoolFlow() {}

    /** The registration's body, with the student and the free text the test follows. */
    static Map<String, Object> incident(String studentNumber, String description) {
        return Map.of(
                "schoolLocationId", "30BR01",
                "occurredAt", OffsetDateTime.now().minusMinutes(20).toString(),
                "locationType", "PUBLIC_TRANSPORT",
                "category", "WEAPON",
                "severity", "HIGH",
                "description", description,
                "involvedPersons",
                        List.of(Map.of(
                                "role", "SUSPECT",
                                "kind", "STUDENT",
                                "studentNumber", studentNumber,
                                "schoolLocationId", "31CV01")));
    }

    /** The coordinator writes the summary partners may read. */
    static void writeSummary(String incidentId, String summary) {
        given().auth()
                .oauth2(SharedSuite.token("SAFETY_COORDINATOR"))
                .contentType(ContentType.JSON)
                .body(Map.of("text", summary))
                .put("/api/v1/incidents/" + incidentId + "/shareable-summary")
                .then()
                .statusCode(200)
                .body("shareableSummary", org.hamcrest.Matchers.equalTo(summary));
    }

    /** The cases in the expert's queue that link the incident, once at least one is there. */
    static List<Map<String, Object>> awaitCasesOf(String incidentId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> cases = queue(SharedSuite.token("SAFETY_EXPERT")).stream()
                    .filter(c -> links(c, incidentId))
                    .toList();
            if (!cases.isEmpty()) {
                return cases;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no case for incident " + incidentId + " within " + timeout);
    }

    /** Every case in the caller's queue, page after page. */
    static List<Map<String, Object>> queue(String token) {
        List<Map<String, Object>> cases = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/escalations").then().statusCode(200).extract();
            cases.addAll(page.path("items"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return cases;
    }

    @SuppressWarnings("unchecked")
    static boolean links(Map<String, Object> escalation, String incidentId) {
        List<Map<String, Object>> incidents =
                (List<Map<String, Object>>) escalation.getOrDefault("incidents", List.of());
        return incidents.stream().anyMatch(i -> incidentId.equals(i.get("incidentId")));
    }
}
