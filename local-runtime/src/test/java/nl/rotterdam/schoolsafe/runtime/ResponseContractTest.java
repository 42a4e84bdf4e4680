package nl.rotterdam.schoolsafe.runtime;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The contract check itself: it must see drift, or the build's promise that it does is empty. */
class ResponseContractTest {
    private static final ResponseContract CONTRACT =
            new ResponseContract(SchemaCatalog.published(ResponseContract.DOCUMENT));

    private static Response answer(int status, String type, String body) {
        return new ResponseBuilder()
                .setStatusCode(status)
                .setContentType(type)
                .setBody(body)
                .build();
    }

    @Test
    void acceptsADocumentedProblem() {
        String problem = "{\"type\":\"https://schoolsafe.rotterdam.nl/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"incident x\"}";
        assertThat(
                CONTRACT.violations(
                        "GET",
                        "/api/v1/incidents/3f1c0a2e-0000-4000-8000-000000000001",
                        answer(404, "application/problem+json", problem)),
                empty());
    }

    @Test
    void reportsAStatusTheDocumentDoesNotName() {
        assertThat(
                CONTRACT.violations("GET", "/api/v1/incidents", answer(418, "application/json", "{}")),
                contains(containsString("status 418 is not documented")));
    }

    @Test
    void reportsABodyThatBreaksItsSchema() {
        assertThat(
                CONTRACT.violations(
                        "GET",
                        "/api/v1/incidents/3f1c0a2e-0000-4000-8000-000000000001",
                        answer(404, "application/problem+json", "{\"status\":\"x\"}")),
                hasItem(containsString("status")));
    }

    @Test
    void reportsAnUndocumentedMediaType() {
        assertThat(
                CONTRACT.violations("GET", "/api/v1/incidents", answer(404, "text/html", "<h1>no</h1>")),
                contains(containsString("text/html")));
    }

    @Test
    void leavesPathsOutsideTheDocumentAlone() {
        assertThat(CONTRACT.violations("GET", "/q/health", answer(200, "text/plain", "UP")), empty());
        assertThat(
                CONTRACT.violations("GET", "/api/v1/nothing-here", answer(404, "application/problem+json", "{}")),
                empty());
    }
}
