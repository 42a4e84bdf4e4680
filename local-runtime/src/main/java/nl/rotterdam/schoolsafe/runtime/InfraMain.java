package nl.rotterdam.schoolsafe.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * The infrastructure process: a real PostgreSQL (embedded binaries) and a real single-node Kafka
 * broker in KRaft mode. Controlled over standard input by its parent ({@link Infra}); when the
 * parent goes away, standard input closes and everything stops, so nothing is orphaned.
 */
public final class InfraMain {
    static final String READY = "INFRA READY";
    private static final String CLUSTER_ID = "c2Nob29sc2FmZS1sb2NhbA";

    private final Path data;
    private final int pgPort;
    private final int kafkaPort;
    private final int controllerPort;
    private final List<String> databases;
    private final boolean durable;
    private final boolean secured;
    private EmbeddedPostgres postgres;
    private KafkaRaftServer kafka;

    private InfraMain(
            Path data,
            int pgPort,
            int kafkaPort,
            int controllerPort,
            List<String> databases,
            boolean durable,
            boolean secured) {
        this.data = data;
        this.pgPort = pgPort;
        this.kafkaPort = kafkaPort;
        this.controllerPort = controllerPort;
        this.databases = databases;
        this.durable = durable;
        this.secured = secured;
    }

    /**
     * Arguments: dataDir pgPort kafkaPort controllerPort databases(comma-separated) durable fresh [secured]. An
     * unsecured broker (no SASL, no ACLs) is only for the benchmark that measures what security costs.
     */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        if (Boolean.parseBoolean(args[6])) {
            deleteRecursively(data);
        }
        Files.createDirectories(data);
        InfraMain infra = new InfraMain(
                data,
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Integer.parseInt(args[3]),
                List.of(args[4].split(",")),
                Boolean.parseBoolean(args[5]),
                args.length < 8 || Boolean.parseBoolean(args[7]));
        Runtime.getRuntime().addShutdownHook(new Thread(infra::stopAll));
        infra.startPostgres();
        infra.startKafka();
        System.out.println(READY);
        System.out.flush();
        infra.serveCommands();
        infra.stopAll();
        System.exit(0);
    }

    private void serveCommands() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            try {
                switch (line.trim()) {
                    case "stop-kafka" -> stopKafka();
                    case "start-kafka" -> startKafka();
                    case "stop-postgres" -> stopPostgres();
                    case "crash-postgres" -> crashPostgres();
                    case "start-postgres" -> startPostgres();
                    default -> System.out.println("UNKNOWN " + line);
                }
                System.out.println("DONE " + line.trim());
            } catch (Exception e) {
                e.printStackTrace();
                System.out.println("FAILED " + line.trim() + ": " + e);
            }
            System.out.flush();
        }
    }

    private void startPostgres() throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(pgPort)
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (durable) {
            // the embedded defaults trade durability for speed; the local run keeps its data
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        postgres = builder.start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet role = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = 'schoolsafe'")) {
                if (!role.next()) {
                    statement.execute("CREATE ROLE schoolsafe LOGIN PASSWORD 'schoolsafe'");
                }
            }
            for (String database : databases) {
                try (ResultSet exists =
                        statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                    if (!exists.next()) {
                        statement.execute("CREATE DATABASE " + database + " OWNER schoolsafe");
                    }
                }
            }
        }
    }

    private void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    /** As {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, no checkpoint; the next start recovers. */
    private void crashPostgres() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"))
                .get(0)
                .trim());
        new ProcessBuilder("kill", "-QUIT", String.valueOf(pid))
                .inheritIO()
                .start()
                .waitFor();
        ProcessHandle.of(pid).ifPresent(postmaster -> postmaster.onExit().join());
        // its own stop finds no server (logged, harmless); closing releases its lock on the data directory
        stopPostgres();
    }

    private void startKafka() throws IOException {
        Path logs = data.resolve("kafka");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        if (secured) {
            // clients authenticate with SCRAM and are authorised by ACLs (BrokerAccess); the controller listener is the
            // broker's own, on loopback, and its anonymous principal is the broker talking to itself
            props.put(
                    "listeners",
                    "SASL_PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + kafkaPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
            props.put("sasl.enabled.mechanisms", BrokerAccess.MECHANISM);
            props.put("sasl.mechanism.inter.broker.protocol", BrokerAccess.MECHANISM);
            props.put(
                    "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    BrokerAccess.jaas(BrokerAccess.ADMIN));
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            props.put("super.users", "User:" + BrokerAccess.ADMIN + ";User:ANONYMOUS");
            props.put("allow.everyone.if.no.acl.found", "false");
        } else {
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + kafkaPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
        }
        props.put("log.dirs", logs.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // no forced fsync per message, durable or not: Kafka's own default. A killed broker loses nothing (the page
        // cache
        // outlives the process); a production cluster replicates (3 nodes, min.insync 2) instead of fsyncing (#22)
        if (!Files.exists(logs.resolve("meta.properties"))) {
            Files.createDirectories(logs);
            Path config = data.resolve("kafka-format.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "format only");
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int status = StorageTool.execute(
                    new String[] {
                        "format",
                        "-t",
                        CLUSTER_ID,
                        "-c",
                        config.toString(),
                        "--add-scram",
                        BrokerAccess.MECHANISM + "=[name=" + BrokerAccess.ADMIN + ",password="
                                + BrokerAccess.password(BrokerAccess.ADMIN) + "]"
                    },
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException(
                        "kafka storage format failed: " + printed.toString(StandardCharsets.UTF_8));
            }
        }
        kafka = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        kafka.startup();
        if (secured) {
            BrokerAccess.grantServices("127.0.0.1:" + kafkaPort);
        }
    }

    private void stopKafka() {
        if (kafka != null) {
            kafka.shutdown();
            kafka.awaitShutdown();
            kafka = null;
        }
    }

    private synchronized void stopAll() {
        stopKafka();
        try {
            stopPostgres();
        } catch (IOException e) {
            System.err.println("postgres did not stop cleanly: " + e.getMessage());
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
