package nl.rotterdam.schoolsafe.runtime;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;

/**
 * Gives a {@code @QuarkusTest} the real PostgreSQL and Kafka: started once per test JVM on free
 * ports, fresh each run, and stopped with the JVM. Init arg {@code database} names the service's database.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
    private static final String PG_PORT = "schoolsafe.test.pg-port";
    private static final String KAFKA_PORT = "schoolsafe.test.kafka-port";
    private static LocalIssuer issuer;
    private String database = "incident";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startOncePerJvm();
        String pg = "jdbc:postgresql://127.0.0.1:" + System.getProperty(PG_PORT) + "/" + database;
        SigningKeys keys = SigningKeys.loadOrCreate(Tokens.TEST_KEYS);
        String principal = SuiteService.valueOf(database.toUpperCase(java.util.Locale.ROOT))
                .principal();
        return Map.of(
                "schoolsafe.kafka.username",
                principal,
                "schoolsafe.kafka.password",
                BrokerAccess.password(principal),
                "quarkus.datasource.jdbc.url",
                pg,
                "kafka.bootstrap.servers",
                "127.0.0.1:" + System.getProperty(KAFKA_PORT),
                "mp.jwt.verify.publickey.location",
                keys.jwksFile().toString(),
                "quarkus.oidc-client.auth-server-url",
                issuer(keys).url(),
                "quarkus.oidc-client.client-id",
                principal,
                "quarkus.oidc-client.credentials.secret",
                issuer(keys).secretOf(principal));
    }

    private static synchronized LocalIssuer issuer(SigningKeys keys) {
        if (issuer == null) {
            issuer = LocalIssuer.forServices(keys, 0);
        }
        return issuer;
    }

    /** Ports of the running infrastructure, for tests that talk to it directly. */
    public static String bootstrapServers() {
        return "127.0.0.1:" + System.getProperty(KAFKA_PORT);
    }

    /** Client settings of the broker's admin (a super user), for tests that write or read topics directly. */
    public static Map<String, Object> kafkaAdmin() {
        return BrokerAccess.client(bootstrapServers(), BrokerAccess.ADMIN);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + System.getProperty(PG_PORT) + "/" + database;
    }

    private static synchronized void startOncePerJvm() {
        if (System.getProperty(PG_PORT) != null) {
            return;
        }
        Path dir = Path.of("target", "infra");
        Infra infra = Infra.start(
                dir.resolve("data"), Ports.free(), Ports.free(), Ports.free(), true, false, dir.resolve("infra.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close));
        System.setProperty(PG_PORT, String.valueOf(infra.postgresPort()));
        System.setProperty(KAFKA_PORT, String.valueOf(infra.kafkaPort()));
    }

    @Override
    public void stop() {
        // the infrastructure lives as long as the test JVM, shared by every test class
    }
}
