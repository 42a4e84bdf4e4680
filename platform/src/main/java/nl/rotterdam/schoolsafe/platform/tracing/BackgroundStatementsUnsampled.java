package nl.rotterdam.schoolsafe.platform.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The services' sampler: by trace id at the configured ratio (so every service keeps or drops the same traces), but
 * never a database statement that starts a trace of its own. Those are the relay's polls, the gauges' samples and
 * the schedulers' checks, several a second when idle; a statement inside a request or a consumed event is sampled
 * with its trace.
 */
@Singleton
public class BackgroundStatementsUnsampled implements Sampler {
    private final Sampler byTraceId;

    BackgroundStatementsUnsampled(@ConfigProperty(name = "quarkus.otel.traces.sampler.arg") double ratio) {
        this.byTraceId = Sampler.traceIdRatioBased(ratio);
    }

    @Override
    public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
        if (spanKind == SpanKind.CLIENT
                && !Span.fromContext(parentContext).getSpanContext().isValid()) {
            return SamplingResult.drop();
        }
        return byTraceId.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "BackgroundStatementsUnsampled{" + byTraceId.getDescription() + "}";
    }
}
