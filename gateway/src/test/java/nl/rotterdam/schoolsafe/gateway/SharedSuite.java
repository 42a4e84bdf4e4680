package nl.rotterdam.schoolsafe.gateway;

import io.restassured.RestAssured;
import java.nio.file.Path;
import java.util.Map;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;

/** One real suite (five service processes, PostgreSQL, Kafka) for every system test of this JVM. */
final class SharedSuite {
    static final int READS_PER_MINUTE = 300;
    /** The published document names the production server, as the checked-in copy does. */
    static final String PUBLIC_URL = "https://api.schoolsafe.rotterdam.nl";

    private static LocalSuite suite;

    private SharedSuite() {}

    static synchronized LocalSuite get() {
        if (suite == null) {
            Path root = Path.of(System.getProperty("schoolsafe.root", ".."))
                    .toAbsolutePath()
                    .normalize();
            suite = LocalSuite.start(
                    LocalSuite.Layout.forTests(
                            root,
                            Path.of("target", "suite").toAbsolutePath(),
                            Map.of("RATE_LIMIT_READS", String.valueOf(READS_PER_MINUTE), "PUBLIC_URL", PUBLIC_URL)),
                    step -> System.out.println("[suite] " + step));
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
            new DemoData(suite.gatewayUrl(), suite.tokens()).load();
        }
        RestAssured.baseURI = suite.gatewayUrl();
        return suite;
    }

    static String token(String role) {
        return get().tokens().mint(DemoData.ROLES.get(role));
    }
}
