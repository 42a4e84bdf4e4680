package nl.rotterdam.schoolsafe.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;

/**
 * The whole suite on one machine: the infrastructure process and the five services as separate
 * processes, each started from its packaged Quarkus application and waited for until ready.
 */
public final class LocalSuite implements AutoCloseable {
    /** Service name → Maven module, in start order; the gateway last. */
    public static final Map<String, String> MODULES = modules();

    private final Layout layout;
    private final Infra infra;
    private final Tokens tokens;
    private final LocalIssuer issuer;
    private final Map<String, Integer> replicas;
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "suite-restarter");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Consumer<String> supervisor;
    private volatile boolean closing;

    /** Where the suite lives and which ports it takes; services use the ports after the gateway's ({@link SuiteService#localPort}). */
    public record Layout(
            Path root,
            Path dataDir,
            int gatewayPort,
            int postgresPort,
            int kafkaPort,
            int controllerPort,
            boolean fresh,
            boolean durable,
            Map<String, String> environment) {

        /** Free ports, fresh data, no fsync; {@code environment} is added to every service's (e.g. rate limits). */
        public static Layout forTests(Path root, Path dataDir, Map<String, String> environment) {
            int gateway = Ports.free();
            while (!servicePortsFree(gateway)) {
                gateway = Ports.free();
            }
            // the services, their management interfaces and the issuer sit at fixed offsets from the gateway
            Ports.reserve(gateway, 16);
            return new Layout(
                    root, dataDir, gateway, Ports.free(), Ports.free(), Ports.free(), true, false, environment);
        }

        /** The same with fsync and synchronous commits on, as in production: for runs that crash the database. */
        public Layout durably() {
            return new Layout(
                    root, dataDir, gatewayPort, postgresPort, kafkaPort, controllerPort, fresh, true, environment);
        }

        private static boolean servicePortsFree(int gateway) {
            return Arrays.stream(SuiteService.values())
                            .allMatch(s -> portFree(s.localPort(gateway)) && portFree(s.localManagementPort(gateway)))
                    && portFree(issuerPort(gateway))
                    && portFree(gatewayManagementPort(gateway));
        }

        /** The local issuer's port: the one after the services'. */
        public int issuerPort() {
            return issuerPort(gatewayPort);
        }

        private static int issuerPort(int gateway) {
            return gateway + SuiteService.values().length + 1;
        }

        private static int gatewayManagementPort(int gateway) {
            return gateway + 10;
        }

        /** Each application's management port (health, metrics), by name as in {@link #MODULES}. */
        int managementPort(String name) {
            return name.equals("gateway")
                    ? gatewayManagementPort(gatewayPort)
                    : SuiteService.valueOf(name.toUpperCase(java.util.Locale.ROOT))
                            .localManagementPort(gatewayPort);
        }

        private static boolean portFree(int port) {
            try {
                Ports.requireFree(port, "probe");
                return true;
            } catch (Ports.PortInUse e) {
                return false;
            }
        }

        List<Integer> servicePorts() {
            return Arrays.stream(SuiteService.values())
                    .map(s -> s.localPort(gatewayPort))
                    .toList();
        }
    }

    private static Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        for (SuiteService service : SuiteService.values()) {
            modules.put(service.id(), service.module());
        }
        modules.put("gateway", "gateway");
        return modules;
    }

    private LocalSuite(Layout layout, Infra infra, Tokens tokens, LocalIssuer issuer, Map<String, Integer> replicas) {
        this.layout = layout;
        this.infra = infra;
        this.tokens = tokens;
        this.issuer = issuer;
        this.replicas = Map.copyOf(replicas);
    }

    public static LocalSuite start(Layout layout, Consumer<String> progress) {
        return start(layout, Map.of(), progress);
    }

    /**
     * The suite with more than one instance of some services ({@code incident → 2}): the extra instances are named
     * {@code incident-2} …, take free ports, share the service's database and consumer groups, and the gateway
     * balances across all of a service's instances.
     */
    public static LocalSuite start(Layout layout, Map<String, Integer> replicas, Consumer<String> progress) {
        for (String module : MODULES.values()) {
            Path jar = applicationJar(layout.root(), module);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
            }
        }
        checkPortsFree(layout);
        try {
            if (layout.fresh()) {
                InfraMain.deleteRecursively(layout.dataDir());
            }
            Files.createDirectories(layout.dataDir().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.accept("starting PostgreSQL on " + layout.postgresPort() + " and Kafka on " + layout.kafkaPort());
        Infra infra = Infra.start(
                layout.dataDir().resolve("infra"),
                layout.postgresPort(),
                layout.kafkaPort(),
                layout.controllerPort(),
                false,
                layout.durable(),
                layout.dataDir().resolve("logs").resolve("infra.log"));
        SigningKeys keys = SigningKeys.loadOrCreate(layout.dataDir().resolve("keys"));
        LocalIssuer issuer;
        try {
            issuer = LocalIssuer.forServices(keys, layout.issuerPort());
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        LocalSuite suite = new LocalSuite(layout, infra, new Tokens(keys), issuer, replicas);
        try {
            suite.startServices(keys, progress);
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private static void checkPortsFree(Layout layout) {
        Ports.requireFree(layout.postgresPort(), "PostgreSQL");
        Ports.requireFree(layout.kafkaPort(), "Kafka");
        Ports.requireFree(layout.controllerPort(), "Kafka controller");
        Ports.requireFree(layout.gatewayPort(), "gateway");
        Ports.requireFree(layout.issuerPort(), "local issuer");
        for (String name : MODULES.keySet()) {
            Ports.requireFree(layout.managementPort(name), MODULES.get(name) + " management");
        }
        List<String> names = List.copyOf(MODULES.keySet());
        for (int i = 0; i < SuiteService.values().length; i++) {
            Ports.requireFree(layout.servicePorts().get(i), MODULES.get(names.get(i)));
        }
    }

    private void startServices(SigningKeys keys, Consumer<String> progress) {
        List<String> names = List.copyOf(MODULES.keySet());
        String secret = pseudonymSecret();
        Map<String, List<String>> instancesOf = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            List<String> instances = new ArrayList<>(List.of(name));
            ports.put(
                    name,
                    name.equals("gateway")
                            ? layout.gatewayPort()
                            : layout.servicePorts().get(i));
            managementPorts.put(name, layout.managementPort(name));
            for (int k = 2; k <= replicas.getOrDefault(name, 1); k++) {
                instances.add(name + "-" + k);
                ports.put(name + "-" + k, Ports.free());
                managementPorts.put(name + "-" + k, Ports.free());
            }
            instancesOf.put(name, instances);
        }
        for (String name : names) {
            for (String instance : instancesOf.get(name)) {
                environments.put(instance, environment(name, instance, keys, secret, instancesOf));
            }
        }
        List<String> all = instancesOf.values().stream().flatMap(List::stream).toList();
        all.forEach(this::launch);
        for (String instance : all) {
            progress.accept("waiting for " + module(instance) + " on " + ports.get(instance));
            awaitReady(instance);
        }
    }

    private Map<String, String> environment(
            String name, String instance, SigningKeys keys, String secret, Map<String, List<String>> instancesOf) {
        Map<String, String> env = new LinkedHashMap<>(layout.environment());
        env.put("HTTP_PORT", String.valueOf(ports.get(instance)));
        env.put("MANAGEMENT_PORT", String.valueOf(managementPorts.get(instance)));
        env.put("MANAGEMENT_HOST", "127.0.0.1");
        // people read the local run's logs; production's are JSON
        env.putIfAbsent("LOG_JSON", "false");
        // a service ends with the process that started it, however that one ended
        env.put(
                name.equals("gateway") ? "SCHOOLSAFE_GATEWAY_PARENT_PID" : "SCHOOLSAFE_LIVENESS_PARENT_PID",
                String.valueOf(ProcessHandle.current().pid()));
        // five processes on one machine: the token lifetime of the demo tokens
        env.put("SCHOOLSAFE_TOKEN_MAX_LIFETIME", "PT8H");
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.jwksFile().toString());
        if (name.equals("gateway")) {
            for (SuiteService service : SuiteService.values()) {
                List<String> instances = instancesOf.get(service.id());
                env.put(
                        service.id().toUpperCase() + "_SERVICE_URL",
                        String.join(",", instances.stream().map(this::url).toList()));
                env.put(
                        service.id().toUpperCase() + "_SERVICE_MANAGEMENT_URL",
                        String.join(
                                ",", instances.stream().map(this::managementUrl).toList()));
            }
            env.putIfAbsent("PUBLIC_URL", url(instance));
        } else {
            // behind the gateway: not reachable from the network around its checks
            env.put("HTTP_HOST", "127.0.0.1");
            env.put("DB_URL", infra.jdbcUrl(name));
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
            String principal = MODULES.get(name);
            env.put("KAFKA_USERNAME", principal);
            env.put("KAFKA_PASSWORD", BrokerAccess.password(principal));
        }
        if (name.equals("incident")) {
            env.put("PSEUDONYM_SECRET", secret);
        }
        if (name.equals("escalation")) {
            env.put("INCIDENT_SERVICE_URL", url("incident"));
            // its service token comes from the issuer (client credentials), as from the city's in production
            env.put("OIDC_AUTH_SERVER_URL", issuer.url());
            env.put("OIDC_CLIENT_ID", MODULES.get(name));
            env.put("OIDC_CLIENT_SECRET", issuer.secretOf(MODULES.get(name)));
            // the local run's partners may try webhooks with a receiver on this machine
            env.put("WEBHOOKS_ALLOW_PLAIN_HTTP_TO_LOOPBACK", "true");
        }
        return env;
    }

    /** The Maven module an instance runs ({@code incident-2} runs incident-service). */
    private static String module(String instance) {
        return MODULES.get(instance.replaceFirst("-\\d+$", ""));
    }

    private Path logOf(String instance) {
        String suffix = instance.matches(".*-\\d+$") ? instance.substring(instance.lastIndexOf('-')) : "";
        return layout.dataDir().resolve("logs").resolve(module(instance) + suffix + ".log");
    }

    /** Starts (or restarts) one service process with the environment it was first given. */
    public void launch(String name) {
        Path log = logOf(name);
        List<String> command = new ArrayList<>(List.of(
                Infra.javaBinary(),
                // a young generation that holds a second of allocation at a few hundred registrations a second: with
                // the 17 MB one a 64 MB heap gave, 8 % of the time went to 17 collections a second (#22)
                "-Xms160m",
                "-Xmx256m",
                "-Xmn80m",
                "-Xss256k",
                "-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=128m",
                "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxHeapFreeRatio=20",
                "-XX:MinHeapFreeRatio=10",
                "-Dio.netty.allocator.type=unpooled"));
        if (!name.equals("gateway") && !"c2".equals(System.getenv("SCHOOLSAFE_SERVICE_JIT"))) {
            // C1 only: on two cores shared by five JVMs, C2's compilation took half of a service's CPU for minutes
            // after
            // a start (#22, decision 14); the gateway and a production image keep the JVM's default, as
            // SCHOOLSAFE_SERVICE_JIT=c2 does for the services
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(
                List.of("-jar", applicationJar(layout.root(), module(name)).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environments.get(name));
        try {
            Process process = builder.start();
            processes.put(name, process);
            if (supervisor != null) {
                process.onExit().thenRun(() -> restart(name, process));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * From now on a service that exits on its own is started again after a back-off (1, 2, 4 … 30 s; reset once it
     * ran for a minute), and {@code progress} is told. The local run asks for it; the tests kill and start by hand.
     */
    public void restartWhenDead(Consumer<String> progress) {
        supervisor = progress;
        processes.forEach((name, process) -> process.onExit().thenRun(() -> restart(name, process)));
    }

    private void restart(String name, Process exited) {
        if (closing || processes.get(name) != exited) {
            return;
        }
        boolean ranLong = exited.info()
                .startInstant()
                .map(started -> Duration.between(started, Instant.now()).toMinutes() >= 1)
                .orElse(false);
        int attempt = ranLong ? 1 : restarts.getOrDefault(name, 0) + 1;
        restarts.put(name, attempt);
        long wait = Math.min(30, 1L << Math.min(attempt - 1, 5));
        supervisor.accept(module(name) + " exited with " + exited.exitValue() + "; starting it again in " + wait
                + " s (see " + logOf(name) + ")");
        restarter.schedule(
                () -> {
                    if (!closing && processes.get(name) == exited) {
                        launch(name);
                        supervisor.accept(module(name) + " started again (pid "
                                + processes.get(name).pid() + ")");
                    }
                },
                wait,
                TimeUnit.SECONDS);
    }

    /** Kills a service the hard way (SIGKILL), as a crash would. */
    public void kill(String name) throws InterruptedException {
        Process process = processes.get(name);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops a service as an orchestrator would (SIGTERM) and waits until it has exited. */
    public void terminate(String name) throws InterruptedException {
        Process process = processes.get(name);
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    public void awaitReady(String name) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI ready = URI.create(managementUrl(name) + "/q/health/ready");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Process process = processes.get(name);
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        module(name) + " exited with " + process.exitValue() + "; see " + logOf(name));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new IllegalStateException(module(name) + " was not ready within 120 s");
    }

    public String url(String name) {
        return "http://127.0.0.1:" + ports.get(name);
    }

    public String gatewayUrl() {
        return url("gateway");
    }

    /** An instance's management interface (health, metrics), on loopback. */
    public String managementUrl(String name) {
        return "http://127.0.0.1:" + managementPorts.get(name);
    }

    /** An instance's Prometheus metrics, on its management interface. */
    public String metricsUrl(String name) {
        return managementUrl(name) + "/q/metrics";
    }

    public java.nio.file.Path dataDir() {
        return layout.dataDir();
    }

    public Infra infra() {
        return infra;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("infrastructure (PostgreSQL wrapper + Kafka)", infra.pid());
        processes.forEach((name, process) -> pids.put(
                module(name) + (name.equals(name.replaceFirst("-\\d+$", "")) ? "" : " " + name), process.pid()));
        return pids;
    }

    @Override
    public void close() {
        closing = true;
        restarter.shutdownNow();
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        issuer.close();
        infra.close();
    }

    /** The local identity provider the services' OIDC clients get their tokens from. */
    public LocalIssuer issuer() {
        return issuer;
    }

    static Path applicationJar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** A random secret for the local run, kept with its data so pseudonyms stay stable between runs. */
    private String pseudonymSecret() {
        Path file = layout.dataDir().resolve("keys").resolve("pseudonym-secret");
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.writeString(file, HexFormat.of().formatHex(secret));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
