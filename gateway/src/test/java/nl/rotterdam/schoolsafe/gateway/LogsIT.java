package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The production log format on the real suite: JSON lines with the request's ids, and no personal data in any. */
class LogsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STUDENT_NUMBER =
            "LOGCANARY-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DESCRIPTION = "Logcanary description of a fight behind the gym";
    private static final String SUMMARY = "Logcanary summary: two pupils fought, parents informed";
    private static final List<String> SERVICES =
            List.of("gateway", "incident-service", "escalation-service", "subsidy-service", "knowledge-service");

    @Test
    void aFullFlowLogsJsonLinesWithItsIdsAndNoPersonalData() throws Exception {
        SharedSuite.get();
        String prefix = "logs-" + UUID.randomUUID().toString().substring(0, 8);
        String incidentId = given().auth()
                .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                .header("X-Request-Id", prefix + "-register")
                .contentType(ContentType.JSON)
                .body(CrossSchoolFlow.incident(STUDENT_NUMBER, DESCRIPTION))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(SharedSuite.token("SAFETY_COORDINATOR"))
                .header("X-Request-Id", prefix + "-summary")
                .contentType(ContentType.JSON)
                .body(Map.of("text", SUMMARY))
                .put("/api/v1/incidents/" + incidentId + "/shareable-summary")
                .then()
                .statusCode(200)
                .body("shareableSummary", org.hamcrest.Matchers.equalTo(SUMMARY));
        given().auth()
                .oauth2(SharedSuite.token("SAFETY_COORDINATOR"))
                .header("X-Request-Id", prefix + "-read")
                .get("/api/v1/incidents/" + incidentId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(SharedSuite.token("SAFETY_COORDINATOR"))
                .header("X-Request-Id", prefix + "-trail")
                .get("/api/v1/incidents/" + incidentId + "/audit-trail")
                .then()
                .statusCode(200);
        // refused input that quotes the student: the answer may name the field, no log may hold the value
        Map<String, Object> refused = new java.util.HashMap<>(CrossSchoolFlow.incident(STUDENT_NUMBER, DESCRIPTION));
        refused.put("pupilName", STUDENT_NUMBER + " " + DESCRIPTION);
        given().auth()
                .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                .header("X-Request-Id", prefix + "-refused")
                .contentType(ContentType.JSON)
                .body(refused)
                .post("/api/v1/incidents")
                .then()
                .statusCode(400);
        String caseId = (String) CrossSchoolFlow.awaitCasesOf(incidentId, java.time.Duration.ofSeconds(30))
                .get(0)
                .get("id");
        given().auth()
                .oauth2(SharedSuite.token("SAFETY_EXPERT"))
                .header("X-Request-Id", prefix + "-case")
                .get("/api/v1/escalations/" + caseId)
                .then()
                .statusCode(200);
        Thread.sleep(1_500); // the console handler writes asynchronously

        Path logs = Path.of("target", "suite", "logs");
        List<String> flowLines = new ArrayList<>();
        for (String service : SERVICES) {
            for (String line : Files.readAllLines(logs.resolve(service + ".log"))) {
                JsonNode entry = parse(service, line);
                String requestId = entry.path("mdc").path("requestId").asText();
                if (requestId.startsWith(prefix)) {
                    flowLines.add(service + " " + requestId);
                    assertTrue(
                            entry.path("mdc").path("traceId").asText().matches("[0-9a-f]{32}"),
                            () -> service + " logged a line of the flow without its trace id: " + line);
                    assertTrue(
                            entry.path("mdc").path("spanId").asText().matches("[0-9a-f]{16}"),
                            () -> service + " logged a line of the flow without its span id: " + line);
                }
            }
        }
        for (String step : List.of("register", "summary", "read", "trail", "refused")) {
            assertTrue(flowLines.contains("gateway " + prefix + "-" + step), () -> step + " in " + flowLines);
            assertTrue(flowLines.contains("incident-service " + prefix + "-" + step), () -> step + " in " + flowLines);
        }
        assertTrue(flowLines.contains("escalation-service " + prefix + "-case"), () -> "case read in " + flowLines);

        try (var files = Files.list(logs)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                for (String secret : List.of(STUDENT_NUMBER, "Logcanary", "pupilName")) {
                    assertFalse(text.contains(secret), () -> file.getFileName() + " holds " + secret);
                }
            }
        }
    }

    private static JsonNode parse(String service, String line) {
        try {
            JsonNode entry = JSON.readTree(line);
            assertTrue(entry.isObject() && entry.has("timestamp") && entry.has("level") && entry.has("message"));
            return entry;
        } catch (IOException e) {
            throw new AssertionError(service + " logged a line that is not JSON: " + line, e);
        }
    }
}
