package nl.rotterdam.schoolsafe.runtime.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.Tokens;

/**
 * Incident registration side by side in one run (issue #22): through the gateway, directly at the incident-service,
 * and pgbench running the SQL the service issues for one registration (benchmarks/intake/registration.sql, captured
 * from the service) on copies of its tables in the same PostgreSQL, at 1, 8 and 32 clients, in interleaved rounds.
 * Prints per target and concurrency the registrations per second (median of the rounds), p50 and p99, the ratios to
 * pgbench, and the incident-service's GC and CPU per registration. Not a test: run it with benchmarks/intake.sh.
 */
public final class Intake {
    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final int ROUNDS = 3;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("intake.seconds", 8));
    private static final String[] CATEGORIES = {"BULLYING", "THEFT", "VANDALISM", "DISCRIMINATION", "THREAT"};

    private record Result(double perSecond, double p50, double p99, long errors) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path script = root.resolve("benchmarks/intake/registration.sql");
        String pgbench = args[1];
        try (LocalSuite suite = Bench.suite(root, "intake")) {
            String token = suite.tokens().mint(Tokens.Holder.school("bench-staff", "SCHOOL_STAFF", "30BR01"));
            String direct = suite.url("incident") + "/api/v1/incidents";
            String gateway = suite.gatewayUrl() + "/api/v1/incidents";
            prepareCopies(suite);
            // C2 takes a couple of minutes under load to compile the registration's paths: measured before that, the
            // service runs at a third of its speed
            System.out.println("warming up (120 s at 8 clients, direct and through the gateway) …");
            register(root, direct, token, 8, Duration.ofSeconds(60));
            register(root, gateway, token, 8, Duration.ofSeconds(60));
            pgbench(pgbench, script, suite, 8, Duration.ofSeconds(5));

            Map<String, List<Result>> results = new LinkedHashMap<>();
            Map<String, Double> gcBefore = gc(suite);
            long cpuBefore = Profile.cpuTicks(suite.pids().get("incident-service"));
            long jitBefore = Profile.compilerTicks(suite.pids().get("incident-service"));
            long registered = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                for (int clients : CONCURRENCY) {
                    Result g = register(root, gateway, token, clients, RUN);
                    Result d = register(root, direct, token, clients, RUN);
                    Result p = pgbench(pgbench, script, suite, clients, RUN);
                    registered += Math.round((g.perSecond() + d.perSecond()) * RUN.toSeconds());
                    results.computeIfAbsent("gateway c=" + clients, k -> new ArrayList<>())
                            .add(g);
                    results.computeIfAbsent("direct c=" + clients, k -> new ArrayList<>())
                            .add(d);
                    results.computeIfAbsent("pgbench c=" + clients, k -> new ArrayList<>())
                            .add(p);
                    System.out.printf(
                            "round %d, %2d clients: gateway %.0f/s, direct %.0f/s, pgbench %.0f tps%n",
                            round, clients, g.perSecond(), d.perSecond(), p.perSecond());
                }
            }
            long cpuAfter = Profile.cpuTicks(suite.pids().get("incident-service"));
            long jitAfter = Profile.compilerTicks(suite.pids().get("incident-service"));
            Map<String, Double> gcAfter = gc(suite);

            System.out.printf("%nregistration, median of %d interleaved rounds of %d s%n", ROUNDS, RUN.toSeconds());
            System.out.printf(
                    "%-16s %12s %10s %10s %8s %12s%n",
                    "target", "per second", "p50 ms", "p99 ms", "errors", "÷ pgbench");
            for (int clients : CONCURRENCY) {
                double base = median(results.get("pgbench c=" + clients), Result::perSecond);
                for (String target : List.of("gateway", "direct", "pgbench")) {
                    List<Result> of = results.get(target + " c=" + clients);
                    double rate = median(of, Result::perSecond);
                    System.out.printf(
                            "%-16s %12.0f %10.2f %10.2f %8d %12.2f%n",
                            target + " c=" + clients,
                            rate,
                            median(of, Result::p50),
                            median(of, Result::p99),
                            of.stream().mapToLong(Result::errors).sum(),
                            rate / base);
                }
            }
            double cpuMs = (cpuAfter - cpuBefore) * 10.0; // clock ticks of 10 ms
            double jitMs = (jitAfter - jitBefore) * 10.0;
            System.out.printf(
                    "%nincident-service during the measured rounds: %.2f ms CPU per registration (%d registrations), "
                            + "of which the JIT compiler %.2f ms; GC %d pauses, %.0f ms in all, longest %.0f ms%n",
                    cpuMs / Math.max(1, registered),
                    registered,
                    jitMs / Math.max(1, registered),
                    Math.round(gcAfter.get("count") - gcBefore.get("count")),
                    (gcAfter.get("sum") - gcBefore.get("sum")) * 1000,
                    gcAfter.get("max") * 1000);
            Profile.samples(
                    suite,
                    "incident-service",
                    "at 32 clients through the gateway",
                    () -> register(root, gateway, token, 32, Duration.ofSeconds(20)));
        }
    }

    /** Registrations by {@code clients} connections of wrk for {@code run}, each a new incident of two random pupils. */
    static Result register(Path root, String url, String token, int clients, Duration run) throws Exception {
        Process process = new ProcessBuilder(
                        "wrk",
                        "-t",
                        String.valueOf(Math.min(clients, 2)),
                        "-c",
                        String.valueOf(clients),
                        "-d",
                        run.toSeconds() + "s",
                        "--latency",
                        "-s",
                        root.resolve("benchmarks/intake/register.lua").toString(),
                        "-H",
                        "Authorization: Bearer " + token,
                        url)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        long errors = Math.round(number(out, "Non-2xx or 3xx responses: ([0-9]+)"))
                + Math.round(number(out, "Socket errors: connect ([0-9]+)"));
        // only the 201s count: wrk's own rate includes every answer
        double answered = number(out, "([0-9]+) requests in");
        return new Result((answered - errors) / run.toSeconds(), millis(out, "50%"), millis(out, "99%"), errors);
    }

    /** A percentile of wrk's latency distribution, in milliseconds. */
    private static double millis(String out, String percentile) {
        Matcher m =
                Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }

    /** Copies of the tables a registration writes, without rows, in a schema of their own: pgbench writes there. */
    private static void prepareCopies(LocalSuite suite) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(suite.infra().jdbcUrl("incident"), "schoolsafe", "schoolsafe");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            for (String table :
                    List.of("idempotency_key", "incident", "involved_person", "audit_entry", "outbox_message")) {
                statement.execute("CREATE TABLE bench." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
        }
    }

    private static Result pgbench(String pgbench, Path script, LocalSuite suite, int clients, Duration run)
            throws Exception {
        Path logs = Files.createTempDirectory("pgbench");
        ProcessBuilder builder = new ProcessBuilder(
                        pgbench,
                        "-n",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(suite.infra().postgresPort()),
                        "-U",
                        "schoolsafe",
                        "-c",
                        String.valueOf(clients),
                        "-j",
                        String.valueOf(Math.min(clients, 2)),
                        "-T",
                        String.valueOf(run.toSeconds()),
                        "-M",
                        "prepared",
                        "-l",
                        "--log-prefix=" + logs.resolve("tx"),
                        "-f",
                        script.toString(),
                        "incident")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "schoolsafe");
        // the same statements, on the copies: nothing pgbench writes reaches the relay or the topics
        builder.environment().put("PGOPTIONS", "-c search_path=bench");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        List<Long> latencies = new ArrayList<>();
        try (var files = Files.list(logs)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    latencies.add(Long.parseLong(line.split(" ")[2]) * 1000); // µs → ns
                }
            }
        }
        Percentiles p = Percentiles.of(latencies);
        long failed = Math.round(number(out, "number of failed transactions: ([0-9]+)"));
        return new Result(number(out, "tps = ([0-9.]+)"), p.at(0.5), p.at(0.99), failed);
    }

    private static double number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The incident-service's GC pauses so far, from its Prometheus metrics: count, seconds in all, longest. */
    private static Map<String, Double> gc(LocalSuite suite) throws Exception {
        return Map.of(
                "count", Bench.sum(Bench.metric(suite, "incident", "jvm_gc_pause_seconds_count")),
                "sum", Bench.sum(Bench.metric(suite, "incident", "jvm_gc_pause_seconds_sum")),
                "max",
                        Bench.metric(suite, "incident", "jvm_gc_pause_seconds_max").stream()
                                .mapToDouble(Double::doubleValue)
                                .max()
                                .orElse(0));
    }

    /** utime + stime of a process, in clock ticks. */
    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> field) {
        return Percentiles.median(results.stream().mapToDouble(field).boxed().toList());
    }
}
