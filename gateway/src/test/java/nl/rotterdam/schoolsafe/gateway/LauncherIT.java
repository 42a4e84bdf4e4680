package nl.rotterdam.schoolsafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.Ports;
import org.junit.jupiter.api.Test;

/**
 * The one-command run: every URL it prints answers 200 (the "Try" line with the printed token), and killed with
 * SIGKILL it leaves no process and no port behind, so the next start finds them free.
 */
class LauncherIT {
    @Test
    void printsOnlyUrlsThatWorkAndKilledWithSigkillLeavesNoProcessAndNoPort() throws Exception {
        Path root = Path.of(System.getProperty("schoolsafe.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path data = Files.createTempDirectory("launcher");
        LocalSuite.Layout layout = LocalSuite.Layout.forTests(root, data, Map.of());
        // the launcher takes the port after Kafka's for its controller
        int kafkaPort = layout.kafkaPort();
        while (taken(List.of(kafkaPort + 1)) > 0) {
            kafkaPort = Ports.free();
        }
        String classpath = root.resolve("local-runtime/target/classes") + ":"
                + Files.readString(root.resolve("local-runtime/target/classes/META-INF/schoolsafe/runtime.classpath"))
                        .trim();
        Process launcher = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        classpath,
                        "nl.rotterdam.schoolsafe.runtime.SchoolSafeLocal",
                        "--fresh",
                        "--data",
                        data.toString(),
                        "--gateway-port",
                        String.valueOf(layout.gatewayPort()),
                        "--postgres-port",
                        String.valueOf(layout.postgresPort()),
                        "--kafka-port",
                        String.valueOf(kafkaPort))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            StringBuilder printed = new StringBuilder();
            CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        printed.append(line).append('\n');
                        if (line.startsWith("Processes (")) {
                            // keep draining so the launcher never blocks on a full pipe
                            CompletableFuture.runAsync(() -> out.lines().forEach(l -> {}));
                            return true;
                        }
                    }
                    return false;
                } catch (Exception e) {
                    return false;
                }
            });
            assertTrue(running.get(240, TimeUnit.SECONDS), "the local run started:\n" + printed);
            followsEveryPrintedUrl(printed.toString());
            List<ProcessHandle> started = launcher.descendants().toList();
            assertTrue(started.size() >= 6, "the infrastructure and five applications: " + started.size());

            launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<Integer> ports =
                    new ArrayList<>(List.of(layout.gatewayPort(), layout.postgresPort(), kafkaPort, kafkaPort + 1));
            for (int i = 1; i <= 5; i++) { // the four services and the local issuer
                ports.add(layout.gatewayPort() + i);
            }
            for (int i = 10; i <= 14; i++) { // the management interfaces
                ports.add(layout.gatewayPort() + i);
            }
            while (System.nanoTime() < deadline && (alive(started) > 0 || taken(ports) > 0)) {
                Thread.sleep(250);
            }
            assertEquals(
                    0,
                    alive(started),
                    "processes left: "
                            + started.stream().filter(ProcessHandle::isAlive).toList());
            assertEquals(0, taken(ports), "ports still taken of " + ports);
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static void followsEveryPrintedUrl(String printed) throws Exception {
        java.util.Map<String, String> exported = new java.util.HashMap<>();
        java.util.regex.Matcher export =
                java.util.regex.Pattern.compile("export (TOKEN_[A-Z_]+)=(\\S+)").matcher(printed);
        while (export.find()) {
            exported.put(export.group(1), export.group(2));
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                .build();
        List<String> followed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String line : printed.split("\n")) {
            java.util.regex.Matcher token =
                    java.util.regex.Pattern.compile("\\$(TOKEN_[A-Z_]+)").matcher(line);
            java.util.regex.Matcher url =
                    java.util.regex.Pattern.compile("https?://[^\\s\"]+").matcher(line);
            while (url.find()) {
                java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(url.group()))
                        .timeout(java.time.Duration.ofSeconds(20));
                if (token.find(0)) {
                    request.header("Authorization", "Bearer " + exported.get(token.group(1)));
                }
                int status = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                followed.add(url.group());
                if (status != 200) {
                    failures.add(url.group() + " answered " + status);
                }
            }
        }
        assertEquals(List.of(), failures, "printed:\n" + printed);
        assertTrue(followed.size() >= 20, "the reference, documents, health, metrics of each: " + followed);
    }

    private static long alive(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessHandle::isAlive).count();
    }

    private static long taken(List<Integer> ports) {
        return ports.stream()
                .filter(port -> {
                    try {
                        Ports.requireFree(port, "probe");
                        return false;
                    } catch (Ports.PortInUse e) {
                        return true;
                    }
                })
                .count();
    }
}
