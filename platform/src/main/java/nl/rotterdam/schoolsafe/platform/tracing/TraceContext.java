package nl.rotterdam.schoolsafe.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

/**
 * Carries one trace across the outbox and Kafka, where OpenTelemetry's own instrumentation does not reach: the
 * writing span's context is stored with the outbox row, the relay publishes under it, and a consumer processes the
 * record under the context its headers carry, so a registration, its publication and every effect it causes in
 * another service are one trace.
 */
@ApplicationScoped
public class TraceContext {
    public static final String TRACEPARENT = "traceparent";
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private static final TextMapSetter<Map<String, String>> INTO_MAP = Map::put;
    private static final TextMapSetter<Headers> INTO_HEADERS =
            (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8));
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapGetter<Headers> FROM_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false)
                    .map(Header::key)
                    .toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    TraceContext(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("nl.rotterdam.schoolsafe.platform");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The W3C {@code traceparent} of the current span (the request's, or the consumed event's), if any. */
    public Optional<String> current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, INTO_MAP);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** The span that publishes one outbox row, a child of the span that wrote it; its context goes into the headers. */
    public Span startPublish(String topic, String storedTraceparent, Headers headers) {
        Context parent = storedTraceparent == null
                ? Context.root()
                : W3CTraceContextPropagator.getInstance()
                        .extract(Context.root(), Map.of(TRACEPARENT, storedTraceparent), FROM_MAP);
        Span span = tracer.spanBuilder("publish " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .startSpan();
        propagator.inject(parent.with(span), headers, INTO_HEADERS);
        return span;
    }

    /** The span under which a consumer processes one record, a child of the span that published it. */
    public Span startProcess(String consumerGroup, ConsumerRecord<?, ?> record) {
        Context parent = propagator.extract(Context.root(), record.headers(), FROM_HEADERS);
        return tracer.spanBuilder("process " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumerGroup)
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }

    /** Makes a span current on this thread, its ids in the log lines' MDC as OpenTelemetry puts them for a request. */
    public static Scope activate(Span span) {
        Scope scope = span.makeCurrent();
        MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
        MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
        return () -> {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
            scope.close();
        };
    }

    /** Marks a span failed by the failure's type only: a message may quote the data it failed on. */
    public static void fail(Span span, Throwable failure) {
        span.setAttribute("exception.type", failure.getClass().getName());
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }
}
