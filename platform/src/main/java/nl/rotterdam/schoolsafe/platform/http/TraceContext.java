package nl.rotterdam.schoolsafe.platform.http;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The W3C {@code traceparent} of the request being served, if any, to carry into Kafka headers. */
@ApplicationScoped
public class TraceContext {
    public static final String TRACEPARENT = "traceparent";

    public Optional<String> current() {
        if (!Arc.container().requestContext().isActive()) {
            return Optional.empty();
        }
        RoutingContext context =
                Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return context == null
                ? Optional.empty()
                : Optional.ofNullable(context.request().getHeader(TRACEPARENT));
    }
}
