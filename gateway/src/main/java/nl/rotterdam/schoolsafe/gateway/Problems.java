package nl.rotterdam.schoolsafe.gateway;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.http.RequestLimits;
import nl.rotterdam.schoolsafe.platform.http.SecurityHeaders;
import nl.rotterdam.schoolsafe.platform.problem.Problem;

/** The gateway's own answers, in the same problem+json shape the services use. */
final class Problems {
    private Problems() {}

    static Problem problem(
            RoutingContext context, int status, String slug, String title, String detail, Map<String, Object> extra) {
        return new Problem(
                Problem.type(slug),
                title,
                status,
                detail,
                "urn:request:" + context.request().getHeader(SecurityHeaders.REQUEST_ID),
                List.of(),
                extra);
    }

    static void send(RoutingContext context, int status, String slug, String title, String detail) {
        send(context, problem(context, status, slug, title, detail, Map.of()));
    }

    static void send(RoutingContext context, RequestLimits.Refusal refusal) {
        send(
                context,
                problem(context, refusal.status(), refusal.slug(), refusal.title(), refusal.detail(), refusal.limit()));
    }

    static void send(RoutingContext context, Problem problem) {
        context.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
