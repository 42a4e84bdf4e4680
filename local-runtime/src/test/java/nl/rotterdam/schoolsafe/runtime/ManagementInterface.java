package nl.rotterdam.schoolsafe.runtime;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** RestAssured at the management interface (health, metrics) of the application a {@code @QuarkusTest} runs. */
public final class ManagementInterface {
    private ManagementInterface() {}

    public static RequestSpecification given() {
        int port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
        return RestAssured.given().baseUri("http://localhost").port(port);
    }
}
