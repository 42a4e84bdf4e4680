package nl.rotterdam.schoolsafe.runtime.bench;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;

/** Where a benchmark's CPU goes: clock ticks per process from /proc, and JFR's execution samples of one service. */
final class Profile {
    private Profile() {}

    /** What a benchmark runs while a process is sampled. */
    interface Load {
        void run() throws Exception;
    }

    /**
     * Where a service's CPU goes while {@code load} runs: JFR's execution samples, by component and by hot method.
     */
    static void samples(LocalSuite suite, String module, String during, Load load) throws Exception {
        long pid = suite.pids().get(module);
        Path recording = Files.createTempFile(module, ".jfr");
        String jdk = ProcessHandle.current()
                .info()
                .command()
                .map(c -> Path.of(c).getParent())
                .orElseThrow()
                .toString();
        run(jdk + "/jcmd", String.valueOf(pid), "JFR.start", "name=bench", "settings=profile");
        load.run();
        run(jdk + "/jcmd", String.valueOf(pid), "JFR.stop", "name=bench", "filename=" + recording);
        String printed = run(
                jdk + "/jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording.toString());
        Map<String, Integer> components = new LinkedHashMap<>();
        Map<String, Integer> hot = new java.util.HashMap<>();
        Map<String, Integer> onStack = new LinkedHashMap<>();
        int samples = 0;
        for (String event : printed.split("jdk.ExecutionSample")) {
            List<String> frames = event.lines()
                    .map(String::strip)
                    .filter(l -> l.contains("line:"))
                    .toList();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            for (Map.Entry<String, List<String>> part : ON_STACK.entrySet()) {
                if (frames.stream().anyMatch(f -> part.getValue().stream().anyMatch(f::startsWith))) {
                    onStack.merge(part.getKey(), 1, Integer::sum);
                }
            }
            hot.merge(frames.get(0).replaceFirst("\\(.*", ""), 1, Integer::sum);
            // a sample belongs to the innermost frame outside the JDK: BigInteger under jose4j is JWT verification
            String owner = frames.stream()
                    .filter(f -> !f.startsWith("java.") && !f.startsWith("jdk.") && !f.startsWith("sun."))
                    .findFirst()
                    .orElse("the JDK itself");
            components.merge(
                    COMPONENTS.entrySet().stream()
                            .filter(c -> owner.startsWith(c.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElse("other: " + owner.replaceFirst("^(\\w+\\.\\w+).*", "$1")),
                    1,
                    Integer::sum);
        }
        System.out.printf(
                "%n%s CPU samples %s (JFR, %d samples); each sample counted for the innermost frame outside the JDK%n",
                module, during, samples);
        int total = Math.max(1, samples);
        components.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %-44s %5.1f %%%n", e.getKey(), 100.0 * e.getValue() / total));
        System.out.println(
                "  on the stack anywhere (what runs under it, JSON-P parsing of claims under JWT, counts too):");
        onStack.forEach((part, n) -> System.out.printf("  %-44s %5.1f %%%n", part, 100.0 * n / total));
        System.out.println("  hottest methods (top frame):");
        hot.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static final Map<String, List<String>> ON_STACK = Map.of(
            "JWT verification", List.of("io.smallrye.jwt", "org.jose4j"),
            "Hibernate ORM", List.of("org.hibernate.engine", "org.hibernate.internal", "org.hibernate.event"),
            "the outbox and audit (platform.change)", List.of("nl.rotterdam.schoolsafe.platform.change"),
            "HTTP request and response (Vert.x)", List.of("io.vertx.core.http"));

    /** Package prefix → component; the first prefix that matches wins, so the narrower ones come first. */
    private static final String[][] COMPONENT_TABLE = {
        {"org.jose4j", "JWT verification (smallrye-jwt, jose4j)"},
        {"io.smallrye.jwt", "JWT verification (smallrye-jwt, jose4j)"},
        {"org.hibernate.validator", "Bean Validation"},
        {"org.hibernate", "Hibernate ORM"},
        {"io.agroal", "Agroal (connection pool)"},
        {"org.postgresql", "PostgreSQL JDBC driver"},
        {"com.fasterxml.jackson", "Jackson (JSON)"},
        {"io.opentelemetry", "OpenTelemetry"},
        {"io.micrometer", "Micrometer"},
        {"io.netty", "Vert.x / Netty (HTTP)"},
        {"io.vertx", "Vert.x / Netty (HTTP)"},
        {"org.jboss.resteasy", "Quarkus REST"},
        {"io.quarkus", "Quarkus runtime"},
        {"org.apache.kafka", "Kafka client"},
        {"io.cloudevents", "CloudEvents"},
        {"nl.rotterdam.schoolsafe", "the suite's own code"},
        {"org.jboss.logmanager", "logging (JBoss LogManager)"}
    };

    private static final Map<String, String> COMPONENTS = components();

    private static Map<String, String> components() {
        Map<String, String> c = new LinkedHashMap<>();
        for (String[] row : COMPONENT_TABLE) {
            c.put(row[0], row[1]);
        }
        return c;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    /**
     * CPU clock ticks (10 ms) used so far by each process of the suite, PostgreSQL's apart from the Kafka broker's JVM,
     * and by this benchmark's own JVM. A backend that ended in between takes its ticks along, so PostgreSQL's figure is
     * a lower bound.
     */
    static Map<String, Long> cpuByProcess(LocalSuite suite) throws Exception {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : suite.pids().entrySet()) {
            ticks.put(
                    process.getKey().startsWith("infrastructure") ? "Kafka broker" : process.getKey(),
                    cpuTicks(process.getValue()));
        }
        // the postmaster runs detached from the infrastructure's JVM: found by the port it listens on
        String port = String.valueOf(suite.infra().postgresPort());
        long postgres = 0;
        for (ProcessHandle postmaster : ProcessHandle.allProcesses()
                .filter(p ->
                        p.info().arguments().map(List::of).orElse(List.of()).contains(port))
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                .toList()) {
            for (ProcessHandle process : Stream.concat(Stream.of(postmaster), postmaster.descendants())
                    .toList()) {
                try {
                    postgres += cpuTicks(process.pid());
                } catch (NoSuchFileException e) {
                    // a backend that ended meanwhile
                }
            }
        }
        ticks.put("PostgreSQL", postgres);
        ticks.put("load generator (this JVM)", cpuTicks(ProcessHandle.current().pid()));
        return ticks;
    }

    static long cpuTicks(long pid) throws Exception {
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    /** utime + stime of the process's JIT compiler threads, in clock ticks: the warm-up, not the registrations. */
    static long compilerTicks(long pid) throws Exception {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                if (Files.readString(task.resolve("comm")).startsWith("C")
                        && Files.readString(task.resolve("comm")).contains("Compiler")) {
                    ticks += ticks(task.resolve("stat"));
                }
            }
        }
        return ticks;
    }

    private static long ticks(Path stat) throws Exception {
        String[] fields = Files.readString(stat).replaceFirst("^.*\\) ", "").split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
