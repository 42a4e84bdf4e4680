package nl.rotterdam.schoolsafe.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** A collector on loopback for the suite's OTLP exports (HTTP, protobuf): what each service sent, span by span. */
final class OtlpReceiver implements AutoCloseable {
    private static final int KEPT = 200_000;

    record ReceivedSpan(
            String service,
            String name,
            String kind,
            String traceId,
            String spanId,
            String parentSpanId,
            long startNanos,
            long endNanos,
            Map<String, String> attributes) {
        Duration duration() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    private final HttpServer server;
    private final Queue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no port for the OTLP receiver", e);
        }
        server.createContext("/", this::receive);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(a -> a.getKey().equals("service.name"))
                        .map(a -> a.getValue().getStringValue())
                        .findFirst()
                        .orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> {
                        if (spans.size() < KEPT) {
                            spans.add(new ReceivedSpan(
                                    service,
                                    span.getName(),
                                    span.getKind().name().replace("SPAN_KIND_", ""),
                                    hex(span.getTraceId().toByteArray()),
                                    hex(span.getSpanId().toByteArray()),
                                    hex(span.getParentSpanId().toByteArray()),
                                    span.getStartTimeUnixNano(),
                                    span.getEndTimeUnixNano(),
                                    span.getAttributesList().stream()
                                            .collect(Collectors.toMap(
                                                    KeyValue::getKey,
                                                    a -> a.getValue().hasStringValue()
                                                            ? a.getValue().getStringValue()
                                                            : a.getValue()
                                                                    .toString()
                                                                    .trim(),
                                                    (a, b) -> b))));
                        }
                    });
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The spans of one trace, once {@code complete} holds for them or the timeout passes. */
    List<ReceivedSpan> awaitTrace(String traceId, Predicate<List<ReceivedSpan>> complete, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ReceivedSpan> trace = List.of();
        while (System.nanoTime() < deadline) {
            trace = spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
            if (complete.test(trace)) {
                return trace;
            }
            Thread.sleep(200);
        }
        return trace;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
