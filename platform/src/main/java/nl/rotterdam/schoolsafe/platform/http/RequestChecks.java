package nl.rotterdam.schoolsafe.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import org.jboss.logging.MDC;

/**
 * The gateway's request rules again in every service (the gateway is not the only wall): a path in
 * normal form, the request-line and header limits, a body limit whatever its transfer encoding,
 * and a problem+json answer for a path that no operation serves.
 */
@ApplicationScoped
public class RequestChecks {
    private final ObjectMapper json;
    private final BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(RequestLimits.MAX_BODY_BYTES);

    RequestChecks(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check).failureHandler(context -> {
            if (context.statusCode() == 413) {
                RequestLimits.Refusal r = RequestLimits.bodyTooLarge();
                send(context, r.status(), r.slug(), r.title(), r.detail(), r.limit());
            } else {
                context.next();
            }
        });
        router.route()
                .last()
                .handler(context -> send(
                        context,
                        404,
                        "not-found",
                        "Not found",
                        "no operation at this path; paths are case-sensitive",
                        Map.of()));
    }

    private void check(RoutingContext context) {
        String requestId = context.request().getHeader(SecurityHeaders.REQUEST_ID);
        if (requestId != null && requestId.matches("[A-Za-z0-9-]{1,64}")) {
            MDC.put(SecurityHeaders.LOG_REQUEST_ID, requestId);
        }
        Optional<String> abnormal = RequestLimits.abnormalPath(context.request().path());
        if (abnormal.isPresent()) {
            send(context, 400, "path-not-normal", "Path not in normal form", "the path " + abnormal.get(), Map.of());
            return;
        }
        Optional<RequestLimits.Refusal> refused =
                RequestLimits.check(context.request().uri(), context.request().headers());
        if (refused.isPresent()) {
            RequestLimits.Refusal r = refused.get();
            send(context, r.status(), r.slug(), r.title(), r.detail(), r.limit());
            return;
        }
        Optional<RequestLimits.Refusal> untyped = RequestLimits.untypedBody(
                context.request().getHeader("Content-Length"),
                context.request().getHeader("Transfer-Encoding"),
                context.request().getHeader("Content-Type"));
        if (untyped.isPresent()) {
            RequestLimits.Refusal r = untyped.get();
            send(context, r.status(), r.slug(), r.title(), r.detail(), r.limit());
            return;
        }
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > RequestLimits.MAX_BODY_BYTES) {
            RequestLimits.Refusal r = RequestLimits.bodyTooLarge();
            send(context, r.status(), r.slug(), r.title(), r.detail(), r.limit());
            return;
        }
        if (length == null && context.request().headers().contains("Transfer-Encoding")) {
            // a body of unknown length is read here up to the limit, so going over it is a problem like any other
            chunkedBodies.handle(context);
            return;
        }
        context.next();
    }

    private void send(
            RoutingContext context, int status, String slug, String title, String detail, Map<String, Object> extra) {
        String requestId = context.request().getHeader(SecurityHeaders.REQUEST_ID);
        Problem problem = new Problem(
                Problem.type(slug),
                title,
                status,
                detail,
                requestId != null && requestId.matches("[A-Za-z0-9-]{1,64}")
                        ? "urn:request:" + requestId
                        : context.request().path(),
                List.of(),
                extra);
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
