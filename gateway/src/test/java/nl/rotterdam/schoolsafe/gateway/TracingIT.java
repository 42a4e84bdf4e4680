package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.gateway.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.Test;

/** One registration is one trace: gateway, incident-service, its database and outbox, Kafka, the escalation-service. */
class TracingIT {

    @Test
    void aRegistrationIsOneTraceFromTheGatewayThroughKafkaToTheEscalationServicesEffects() throws Exception {
        SharedSuite.get();
        String traceId = hex(16);
        String clientSpan = hex(8);
        given().auth()
                .oauth2(SharedSuite.token("SCHOOL_STAFF"))
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .contentType(ContentType.JSON)
                .body(CrossSchoolFlow.incident("TRACE-" + hex(3), "Traced: a knife shown at the tram stop"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .header("traceparent", org.hamcrest.Matchers.startsWith("00-" + traceId + "-"));

        Predicate<ReceivedSpan> consumed = s -> s.service().equals("escalation-service")
                && s.kind().equals("CONSUMER")
                && s.name().equals("process incident.events");
        // each service exports on its own schedule: wait for every part the assertions name
        List<ReceivedSpan> trace = SharedSuite.spans()
                .awaitTrace(
                        traceId,
                        spans -> spans.stream().anyMatch(consumed)
                                && spans.stream()
                                        .anyMatch(s -> s.service().equals("escalation-service")
                                                && isDatabase(s)
                                                && below(spans, s, consumed))
                                && spans.stream()
                                        .anyMatch(s -> s.service().equals("gateway")
                                                && s.kind().equals("SERVER"))
                                && spans.stream()
                                        .anyMatch(s -> s.service().equals("incident-service")
                                                && s.kind().equals("SERVER"))
                                && spans.stream()
                                        .anyMatch(s -> s.service().equals("incident-service")
                                                && s.kind().equals("PRODUCER"))
                                // a span ends, and is exported, after its children: wait for the parents too
                                && orphans(spans, clientSpan).isEmpty(),
                        Duration.ofSeconds(30));
        System.out.println("[trace " + traceId + "]\n" + render(trace, clientSpan));

        ReceivedSpan gateway =
                only(trace, s -> s.service().equals("gateway") && s.kind().equals("SERVER"));
        assertEquals(clientSpan, gateway.parentSpanId(), "the gateway continues the client's trace");
        ReceivedSpan served = only(
                trace, s -> s.service().equals("incident-service") && s.kind().equals("SERVER"));
        assertTrue(below(trace, served, s -> s == gateway), "the incident-service's span is the gateway's child");
        assertTrue(
                trace.stream()
                        .anyMatch(s -> s.service().equals("incident-service")
                                && isDatabase(s)
                                && below(trace, s, x -> x == served)),
                "the registration's statements are in its trace");
        ReceivedSpan published = only(
                trace,
                s -> s.service().equals("incident-service")
                        && s.kind().equals("PRODUCER")
                        && s.name().equals("publish incident.events"));
        assertEquals(
                served.spanId(), published.parentSpanId(), "the relay publishes under the span that wrote the row");
        ReceivedSpan consumer = only(trace, consumed);
        assertEquals(published.spanId(), consumer.parentSpanId(), "the consumer continues the publication's trace");
        assertTrue(
                trace.stream()
                        .anyMatch(s -> s.service().equals("escalation-service")
                                && isDatabase(s)
                                && below(trace, s, x -> x == consumer)),
                "the consumer's effects are in the trace");
        assertEquals(List.of(), orphans(trace, clientSpan), "every span hangs in the one tree");
    }

    /** The spans whose parent is neither the client's span nor a span of the trace. */
    private static List<String> orphans(List<ReceivedSpan> trace, String clientSpan) {
        return trace.stream()
                .filter(s -> !s.parentSpanId().equals(clientSpan))
                .filter(s -> trace.stream().noneMatch(p -> p.spanId().equals(s.parentSpanId())))
                .map(s -> s.service() + " " + s.name())
                .toList();
    }

    private static boolean isDatabase(ReceivedSpan span) {
        return span.kind().equals("CLIENT")
                && "postgresql".equals(span.attributes().get("db.system"));
    }

    /** Whether a span is {@code ancestor}'s descendant (or that span itself) in the trace. */
    private static boolean below(List<ReceivedSpan> trace, ReceivedSpan span, Predicate<ReceivedSpan> ancestor) {
        Optional<ReceivedSpan> current = Optional.of(span);
        while (current.isPresent()) {
            if (ancestor.test(current.get())) {
                return true;
            }
            String parent = current.get().parentSpanId();
            current = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst();
        }
        return false;
    }

    private static ReceivedSpan only(List<ReceivedSpan> trace, Predicate<ReceivedSpan> which) {
        List<ReceivedSpan> found = trace.stream().filter(which).toList();
        assertEquals(1, found.size(), () -> "one such span in " + render(trace, ""));
        return found.get(0);
    }

    /** The trace as a tree, each span with its service, kind, name and duration. */
    static String render(List<ReceivedSpan> trace, String rootParent) {
        long start = trace.stream().mapToLong(ReceivedSpan::startNanos).min().orElse(0);
        Map<String, List<ReceivedSpan>> children =
                trace.stream().collect(Collectors.groupingBy(ReceivedSpan::parentSpanId));
        List<String> lines = new ArrayList<>();
        List<ReceivedSpan> roots = trace.stream()
                .filter(s -> trace.stream().noneMatch(p -> p.spanId().equals(s.parentSpanId())))
                .sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
                .toList();
        roots.forEach(r -> render(r, 0, start, children, lines));
        return String.join("\n", lines);
    }

    private static void render(
            ReceivedSpan span, int depth, long start, Map<String, List<ReceivedSpan>> children, List<String> lines) {
        lines.add(String.format(
                "%8.1f ms %8.2f ms  %s%-18s %-8s %s",
                (span.startNanos() - start) / 1e6,
                span.duration().toNanos() / 1e6,
                "  ".repeat(depth),
                span.service(),
                span.kind(),
                span.name()));
        children.getOrDefault(span.spanId(), List.of()).stream()
                .sorted(Comparator.comparingLong(ReceivedSpan::startNanos))
                .forEach(c -> render(c, depth + 1, start, children, lines));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
