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
    private static OtlpReceiver spans;

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
                            Map.of(
                                    "RATE_LIMIT_READS",
                                    String.valueOf(READS_PER_MINUTE),
                                    "PUBLIC_URL",
                                    PUBLIC_URL,
                                    // as in production: every trace kept and exported, logs as JSON
                                    "OTEL_TRACES_SAMPLER_ARG",
                                    "1",
                                    "OTEL_EXPORTER_OTLP_ENDPOINT",
                                    spans().endpoint(),
                                    "OTEL_EXPORTER_OTLP_PROTOCOL",
                                    "http/protobuf",
                                    "OTEL_BSP_SCHEDULE_DELAY",
                                    "200ms",
                                    "LOG_JSON",
                                    "true")),
                    step -> System.out.println("[suite] " + step));
            Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
            new DemoData(suite.gatewayUrl(), suite.tokens()).load();
        }
        RestAssured.baseURI = suite.gatewayUrl();
        return suite;
    }

    /** The spans the shared suite exported. */
    static synchronized OtlpReceiver spans() {
        if (spans == null) {
            spans = new OtlpReceiver();
        }
        return spans;
    }

    static String token(String role) {
        return get().tokens().mint(DemoData.ROLES.get(role));
    }
}
