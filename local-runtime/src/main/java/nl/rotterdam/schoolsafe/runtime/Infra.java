package nl.rotterdam.schoolsafe.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;

/**
 * Handle on the infrastructure process ({@link InfraMain}): real PostgreSQL and Kafka on the given
 * ports. Closing the handle stops both; the process also stops by itself if this JVM dies.
 */
public final class Infra implements AutoCloseable {
    /** One database per service, named as the service. */
    public static final List<String> DATABASES = SuiteService.ids();

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final int postgresPort;
    private final int kafkaPort;

    private Infra(Process process, int postgresPort, int kafkaPort) {
        this.process = process;
        this.commands =
                new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        this.postgresPort = postgresPort;
        this.kafkaPort = kafkaPort;
    }

    /**
     * Starts PostgreSQL and Kafka in a child JVM and waits until both accept connections.
     *
     * @param durable false for tests: fsync off, which is fine for data that lives one run
     */
    public static Infra start(
            Path dataDir,
            int postgresPort,
            int kafkaPort,
            int controllerPort,
            boolean fresh,
            boolean durable,
            Path logFile) {
        return start(dataDir, postgresPort, kafkaPort, controllerPort, fresh, durable, true, logFile);
    }

    /** The same; {@code secured} false gives a broker without SASL and ACLs, for measuring what they cost. */
    public static Infra start(
            Path dataDir,
            int postgresPort,
            int kafkaPort,
            int controllerPort,
            boolean fresh,
            boolean durable,
            boolean secured,
            Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>(List.of(
                    javaBinary(),
                    "-Xmx384m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    classpath(),
                    InfraMain.class.getName(),
                    dataDir.toAbsolutePath().toString(),
                    String.valueOf(postgresPort),
                    String.valueOf(kafkaPort),
                    String.valueOf(controllerPort),
                    String.join(",", DATABASES),
                    String.valueOf(durable),
                    String.valueOf(fresh),
                    String.valueOf(secured)));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            Infra infra = new Infra(process, postgresPort, kafkaPort);
            infra.pump(process.getInputStream(), logFile);
            infra.awaitReply(InfraMain.READY, 120);
            return infra;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the infrastructure process", e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Client settings of the broker's admin, a super user: for tests and tools that touch topics directly. */
    public Map<String, Object> kafkaAdmin() {
        return BrokerAccess.client(bootstrapServers(), BrokerAccess.ADMIN);
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    /** Stops the broker (as an outage would); its data stays for {@link #startKafka()}. */
    public void stopKafka() {
        command("stop-kafka");
    }

    public void startKafka() {
        command("start-kafka");
    }

    public void stopPostgres() {
        command("stop-postgres");
    }

    /** Stops PostgreSQL as {@code pg_ctl stop -m immediate} would: no checkpoint, crash recovery at the next start. */
    public void crashPostgres() {
        command("crash-postgres");
    }

    public void startPostgres() {
        command("start-postgres");
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        commands.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void command(String command) {
        commands.println(command);
        String reply = awaitReply("DONE " + command, 90);
        if (!reply.startsWith("DONE")) {
            throw new IllegalStateException(reply);
        }
    }

    private String awaitReply(String expected, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (System.nanoTime() < deadline) {
                String line = replies.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && (line.equals(expected) || line.startsWith("FAILED"))) {
                    return line;
                }
                if (line == null && !process.isAlive()) {
                    throw new IllegalStateException(
                            "the infrastructure process exited with " + process.exitValue() + "; see its log");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(
                "the infrastructure process did not answer '" + expected + "' within " + seconds + " s");
    }

    private void pump(InputStream output, Path logFile) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                                    new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
                            Writer log = Files.newBufferedWriter(
                                    logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            log.write(line);
                            log.write(System.lineSeparator());
                            log.flush();
                            if (line.equals(InfraMain.READY)
                                    || line.startsWith("DONE ")
                                    || line.startsWith("FAILED ")) {
                                replies.add(line);
                            }
                        }
                    } catch (IOException e) {
                        replies.add("FAILED log: " + e.getMessage());
                    }
                },
                "infra-output");
        thread.setDaemon(true);
        thread.start();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This module's classes plus its runtime dependencies, as written at build time. */
    static String classpath() throws IOException {
        try (InputStream listed = Infra.class.getResourceAsStream("/META-INF/schoolsafe/runtime.classpath")) {
            if (listed == null) {
                throw new IllegalStateException("runtime.classpath is missing: build the local-runtime module first");
            }
            String dependencies = new String(listed.readAllBytes(), StandardCharsets.UTF_8).trim();
            String own = Path.of(Infra.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
            return own + java.io.File.pathSeparator + dependencies;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
