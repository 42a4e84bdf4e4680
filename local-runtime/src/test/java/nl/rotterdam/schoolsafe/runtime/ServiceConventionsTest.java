package nl.rotterdam.schoolsafe.runtime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conventions every service keeps (docs/architecture.md §7), checked the same way in each: a service's
 * test extends this under {@code @QuarkusTest} with the real infrastructure.
 */
public abstract class ServiceConventionsTest {

    /** The service's own database, as the infrastructure created it. */
    protected abstract String database();

    @Test
    void readinessReportsTheDatabaseTheBrokerAndTheConsumers() {
        ManagementInterface.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka broker", "event consumers"));
        ManagementInterface.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyResponseCarriesTheApiVersionAndSecurityHeaders() {
        for (ValidatableResponse response : List.of(
                given().get("/q/openapi").then(),
                given().get("/api/v1/does-not-exist").then())) {
            response.header("API-Version", notNullValue())
                    .header("Cache-Control", equalTo("no-store"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
                    .header("Strict-Transport-Security", startsWith("max-age="));
        }
    }

    @Test
    void publishesAnOpenApiDocumentWithContactAndBearerSecurity() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.contact.email", equalTo("schoolsafe@rotterdam.nl"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void migratesItsOwnDatabaseWithThePlatformTables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                        RealInfrastructure.jdbcUrl(database()), "schoolsafe", "schoolsafe");
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(
                tables.containsAll(List.of("outbox_message", "inbox_message", "flyway_schema_history")),
                tables.toString());
    }
}
