package nl.rotterdam.schoolsafe.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import nl.rotterdam.schoolsafe.runtime.Tokens;

/**
 * Webhook latency on the real suite: a case at each demo location, police engaged on all and subscribed and subscribed, 1,000 changes of those cases at 50
 * per second (round robin), and the time from each change being sent to its signed delivery arriving at a receiver on loopback.
 * Prints p50 and p99. Not a test: run it with benchmarks/partner-latency.sh after building the services.
 */
public final class WebhookLatency {
    private static final int RATE = Integer.getInteger("rate", 50);
    private static final int CHANGES = Integer.getInteger("changes", 1000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("webhook-latency");
        ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes());
            if (body.contains("partner.case-updated")) {
                arrivals.add(new long[] {now});
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (LocalSuite suite = LocalSuite.start(
                LocalSuite.Layout.forTests(root, data, Map.of("RATE_LIMIT_WRITES", "100000")),
                step -> System.out.println("[suite] " + step))) {
            new DemoData(suite.gatewayUrl(), suite.tokens()).load();
            String escalation = suite.url("escalation");
            String police = suite.tokens().mint(DemoData.ROLES.get("PARTNER"));
            call(
                    "POST",
                    escalation + "/api/v1/subscriptions",
                    police,
                    Map.of(
                            "callbackUrl",
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "eventTypes",
                            List.of("CASE_UPDATED")));
            List<String> cases = new ArrayList<>();
            List<String> experts = new ArrayList<>();
            for (DemoData.Location location : DemoData.LOCATIONS) {
                String expert =
                        suite.tokens().mint(Tokens.Holder.expert("bench-" + location.district(), location.district()));
                String caseId = openCase(suite, expert, location.id());
                if (!cases.contains(caseId)) {
                    cases.add(caseId);
                    experts.add(expert);
                    call(
                            "POST",
                            escalation + "/api/v1/escalations/" + caseId + "/engagements",
                            expert,
                            Map.of("partnerId", "police", "purpose", "POLICE_ACTION"));
                }
            }
            Thread.sleep(2000);
            arrivals.clear();
            // arrivals are matched to changes in order: one subscription receives one delivery at a time, in order
            List<Long> sent = new ArrayList<>();
            long requests = 0;
            long start = System.nanoTime();
            for (int i = 0; i < CHANGES; i++) {
                long due = start + i * (1_000_000_000L / RATE);
                while (System.nanoTime() < due) {
                    Thread.sleep(0, 200_000);
                }
                long at = System.nanoTime();
                sent.add(at);
                call(
                        "POST",
                        escalation + "/api/v1/escalations/" + cases.get(i % cases.size()) + "/decisions",
                        experts.get(i % cases.size()),
                        Map.of("decision", "step " + i));
                requests += System.nanoTime() - at;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (arrivals.size() < CHANGES && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<long[]> arrived = new ArrayList<>(arrivals);
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < Math.min(arrived.size(), sent.size()); i++) {
                latencies.add(arrived.get(i)[0] - sent.get(i));
            }
            Percentiles p = Percentiles.of(latencies);
            System.out.printf(
                    "webhook latency, case change sent -> signed delivery received, %d changes at %.1f per second:%n"
                            + "  delivered %d of %d   p50 %.1f ms   p99 %.1f ms   max %.1f ms   (a change's own request: %.1f ms on average)%n",
                    CHANGES,
                    CHANGES / seconds,
                    arrived.size(),
                    CHANGES,
                    p.at(0.5),
                    p.at(0.99),
                    p.at(1.0),
                    requests / 1e6 / CHANGES);
        } finally {
            receiver.stop(0);
        }
    }

    private static String openCase(LocalSuite suite, String expert, String location) throws Exception {
        String staff = suite.tokens().mint(Tokens.Holder.school("bench-staff", "SCHOOL_STAFF", location));
        JsonNode incident = call(
                "POST",
                suite.url("incident") + "/api/v1/incidents",
                staff,
                Map.of(
                        "schoolLocationId", location,
                        "occurredAt", OffsetDateTime.now().minusMinutes(5).toString(),
                        "locationType", "SCHOOL_SURROUNDINGS",
                        "category", "WEAPON",
                        "severity", "HIGH",
                        "description", "benchmark",
                        "involvedPersons", List.of()));
        String incidentId = incident.path("id").asText();
        String escalation = suite.url("escalation");
        for (int i = 0; i < 200; i++) {
            for (JsonNode c : call("GET", escalation + "/api/v1/escalations?limit=100", expert, null)
                    .path("items")) {
                for (JsonNode linked : c.path("incidents")) {
                    if (linked.path("incidentId").asText().equals(incidentId)) {
                        String id = c.path("id").asText();
                        call("POST", escalation + "/api/v1/escalations/" + id + "/acknowledge", expert, null);
                        call(
                                "POST",
                                escalation + "/api/v1/escalations/" + id + "/triage",
                                expert,
                                Map.of("priority", "HIGH"));
                        return id;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no case opened for the benchmark's incident");
    }

    private static JsonNode call(String method, String url, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10));
        if (body == null) {
            request.method(
                    method,
                    method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
