package nl.rotterdam.schoolsafe.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;

/**
 * The one-command local run: PostgreSQL, Kafka and the five services, demo data, demo tokens and
 * the URLs. Ctrl-C stops every process it started.
 */
public final class SchoolSafeLocal {
    private static final Duration TOKEN_VALIDITY = Duration.ofHours(8);

    private SchoolSafeLocal() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        LocalSuite.Layout layout = new LocalSuite.Layout(
                Path.of("").toAbsolutePath(),
                options.dataDir,
                options.gatewayPort,
                options.postgresPort,
                options.kafkaPort,
                options.kafkaPort + 1,
                options.fresh,
                true,
                options.otlp == null
                        ? Map.of()
                        : Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", options.otlp, "OTEL_TRACES_SAMPLER_ARG", "1"));
        LocalSuite suite;
        try {
            suite = LocalSuite.start(layout, step -> out.println("[schoolsafe] " + step));
        } catch (Ports.PortInUse | IllegalStateException e) {
            System.err.println("[schoolsafe] cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\n[schoolsafe] stopping every process …");
            suite.close();
            out.println("[schoolsafe] stopped; ports are free again");
            stopped.countDown();
        }));
        suite.restartWhenDead(step -> out.println("[schoolsafe] " + step));
        out.println("[schoolsafe] loading demo data through the gateway");
        int incidents = new DemoData(suite.gatewayUrl(), suite.tokens()).load();
        DemoData.PARTNERS
                .keySet()
                .forEach(id -> BrokerAccess.grantPartner(suite.infra().bootstrapServers(), id));
        out.printf(
                "[schoolsafe] demo data: %d boards, %d school locations, %d partners, %d new incidents%n",
                DemoData.BOARDS.size(), DemoData.LOCATIONS.size(), DemoData.PARTNERS.size(), incidents);
        Path tokens = writeTokens(options.dataDir, suite.tokens());
        printSummary(out, suite, tokens, Duration.ofNanos(System.nanoTime() - started));
        stopped.await();
    }

    private static Path writeTokens(Path dataDir, Tokens tokens) throws IOException {
        StringBuilder env = new StringBuilder();
        DemoData.ROLES.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(role -> env.append("TOKEN_")
                        .append(role.getKey())
                        .append('=')
                        .append(tokens.mint(role.getValue(), TOKEN_VALIDITY))
                        .append('\n'));
        Path file = dataDir.resolve("demo-tokens.env");
        Files.writeString(file, env);
        return file;
    }

    private static void printSummary(PrintStream out, LocalSuite suite, Path tokensFile, Duration took)
            throws IOException {
        out.println();
        out.println("SchoolSafe Rotterdam is running (ready in " + took.toSeconds() + " s). Press Ctrl-C to stop.");
        out.println();
        // paths have no trailing slash, so the API's own root is not a page: print the pages that are
        out.println("  API reference        " + suite.gatewayUrl() + "/api/v1/reference   OpenAPI " + suite.gatewayUrl()
                + "/api/v1/openapi.json");
        out.println("  Events (AsyncAPI)    " + suite.gatewayUrl() + "/api/v1/asyncapi.json");
        for (String name : SuiteService.ids()) {
            out.printf(
                    "  %-20s %s/q/health   OpenAPI %s/q/openapi   API reference %s/q/swagger-ui%n",
                    LocalSuite.MODULES.get(name), suite.managementUrl(name), suite.url(name), suite.url(name));
        }
        out.println("  Gateway health       " + suite.managementUrl("gateway") + "/q/health");
        out.println("  Identity provider    " + suite.issuer().url()
                + "/.well-known/openid-configuration (client credentials for the services, at Keycloak's paths)");
        out.println(
                "  Metrics (operators)  " + suite.metricsUrl("gateway") + "   (management interfaces, loopback only)");
        out.println("                       services: "
                + String.join(
                        "  ", SuiteService.ids().stream().map(suite::metricsUrl).toList()));
        out.println("  PostgreSQL           " + suite.infra().jdbcUrl("<" + String.join("|", SuiteService.ids()) + ">")
                + " (user schoolsafe / schoolsafe)");
        out.println(
                "  Kafka                " + suite.infra().bootstrapServers() + " (SASL_PLAINTEXT, SCRAM-SHA-512; admin "
                        + BrokerAccess.ADMIN + " / " + BrokerAccess.password(BrokerAccess.ADMIN) + ")");
        out.println();
        out.println("Demo tokens (valid 8 h; also in " + tokensFile + "):");
        for (String line : Files.readAllLines(tokensFile)) {
            out.println("  export " + line);
        }
        out.println();
        out.println(
                "Demo partner stream credentials (SASL_PLAINTEXT, SCRAM-SHA-512; each reads only partner.<id>.events,");
        out.println("in consumer groups named partner.<id>.*):");
        for (String id : DemoData.PARTNERS.keySet()) {
            String principal = BrokerAccess.partnerPrincipal(id);
            out.printf("  %-28s password %s%n", principal, BrokerAccess.password(principal));
        }
        out.println();
        out.println("Try:");
        out.println("  curl -H \"Authorization: Bearer $TOKEN_SAFETY_EXPERT\" " + suite.gatewayUrl()
                + "/api/v1/escalations");
        out.println();
        out.println("Processes (a service that dies is started again; each ends if this launcher is killed):");
        suite.pids().forEach((name, pid) -> out.printf("  %-45s pid %d%n", name, pid));
    }

    /** Command-line options of the local run. */
    static final class Options {
        static final String USAGE = """
                usage: ./run-local.sh [--fresh] [--rebuild] [--gateway-port N] [--postgres-port N] [--kafka-port N] [--data DIR] [--otlp URL]
                  --fresh           start from empty databases and topics (deletes the data folder)
                  --rebuild         rebuild the services before starting
                  --gateway-port    gateway port (default 18080); services use the next four ports, the local
                                    issuer the one after, the management interfaces the gateway's + 10 to + 14
                  --postgres-port   PostgreSQL port (default 15432)
                  --kafka-port      Kafka port (default 19092); its controller uses the next port
                  --data            data folder (default .local)
                  --otlp            trace every request and event, exported to this OTLP collector
                                    (e.g. http://localhost:4317; OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf for 4318)""";
        Path dataDir = Path.of(".local").toAbsolutePath();
        int gatewayPort = 18080;
        int postgresPort = 15432;
        int kafkaPort = 19092;
        boolean fresh;
        String otlp;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--fresh" -> options.fresh = true;
                    case "--rebuild" -> {
                        // handled by run-local.sh before the JVM starts
                    }
                    case "--gateway-port" -> options.gatewayPort = port(args, ++i);
                    case "--postgres-port" -> options.postgresPort = port(args, ++i);
                    case "--kafka-port" -> options.kafkaPort = port(args, ++i);
                    case "--data" -> options.dataDir = Path.of(value(args, ++i)).toAbsolutePath();
                    case "--otlp" -> options.otlp = value(args, ++i);
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            return options;
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int port(String[] args, int i) {
            try {
                int port = Integer.parseInt(value(args, i));
                if (port < 1024 || port > 65530) {
                    throw new IllegalArgumentException(args[i - 1] + " must be between 1024 and 65530");
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(args[i - 1] + " must be a number");
            }
        }
    }
}
