package nl.rotterdam.schoolsafe.gateway;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.platform.http.RequestLimits;
import nl.rotterdam.schoolsafe.platform.http.SecurityHeaders;
import nl.rotterdam.schoolsafe.platform.security.KnownTokens;
import nl.rotterdam.schoolsafe.platform.security.TokenClaims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * What every request meets first: a request id (accepted or created, passed on, echoed) and its trace
 * context echoed, the security headers, the API's path and size rules, the token check and the
 * client's rate limit. The services still check tokens and tenancy themselves.
 */
@ApplicationScoped
public class Edge {
    static final String TRACEPARENT = "traceparent";
    static final String SUBJECT = "schoolsafe.subject";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String API = "/api/v1/";
    static final String OPENAPI = "/api/v1/openapi.json";
    static final String ASYNCAPI = "/api/v1/asyncapi.json";

    private final JWTParser tokens;
    /** Tokens already verified: the signature check is the costliest step of a request (decision 15). */
    private final KnownTokens knownTokens;

    private final RateLimits rateLimits;
    private final GatewayConfig config;
    private final String apiVersion;
    private final BodyHandler chunkedBodies = BodyHandler.create(false).setBodyLimit(RequestLimits.MAX_BODY_BYTES);

    Edge(JWTParser tokens, RateLimits rateLimits, GatewayConfig config) {
        this.tokens = tokens;
        this.knownTokens =
                new KnownTokens(config.token().verifiedFor(), config.token().verifiedKept());
        this.rateLimits = rateLimits;
        this.config = config;
        this.apiVersion = config.apiVersion();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle).failureHandler(context -> {
            if (context.statusCode() == 413) {
                Problems.send(context, RequestLimits.bodyTooLarge());
            } else {
                context.next();
            }
        });
        // what no route took: a problem, never the server's HTML page
        router.route()
                .last()
                .handler(context -> Problems.send(
                        context,
                        404,
                        "not-found",
                        "Not found",
                        "no API operation at this path; paths are case-sensitive and start with " + API));
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = Optional.ofNullable(request.getHeader(SecurityHeaders.REQUEST_ID))
                .filter(id -> REQUEST_ID.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        // the request's span (OpenTelemetry's, continuing a valid traceparent sent in): the client can quote it
        Map<String, String> trace = new java.util.HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), trace, Map::put);
        String traceparent = trace.getOrDefault(TRACEPARENT, "");
        // the proxy's client span carries the trace on; a copy of the client's header would skip the gateway
        request.headers()
                .set(SecurityHeaders.REQUEST_ID, requestId)
                .remove(TRACEPARENT)
                .remove("tracestate");
        MDC.put(SecurityHeaders.LOG_REQUEST_ID, requestId);
        context.addHeadersEndHandler(ignored -> {
            SecurityHeaders.apply(context.response().headers(), apiVersion);
            context.response()
                    .headers()
                    .set(SecurityHeaders.REQUEST_ID, requestId)
                    .set(TRACEPARENT, traceparent);
        });
        // every check below runs on the path the router routes: only a path already in normal form passes
        String path = request.path();
        Optional<String> abnormal = RequestLimits.abnormalPath(path);
        if (abnormal.isPresent()) {
            Problems.send(
                    context,
                    Problems.problem(
                            context,
                            400,
                            "path-not-normal",
                            "Path not in normal form",
                            "the path " + abnormal.get(),
                            Map.of()));
            return;
        }
        Optional<RequestLimits.Refusal> tooLarge = RequestLimits.check(request.uri(), request.headers());
        if (tooLarge.isPresent()) {
            Problems.send(context, tooLarge.get());
            return;
        }
        if (request.params().contains("access_token")) {
            Problems.send(
                    context,
                    401,
                    "unauthenticated",
                    "Unauthenticated",
                    "tokens are not accepted in a query string; send an Authorization header");
            return;
        }
        if (!path.startsWith(API) || request.method() == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        if (path.endsWith("/")) {
            Problems.send(context, 404, "not-found", "Not found", "paths have no trailing slash");
            return;
        }
        String length = request.getHeader("Content-Length");
        Optional<RequestLimits.Refusal> untyped = RequestLimits.untypedBody(
                length, request.getHeader("Transfer-Encoding"), request.getHeader("Content-Type"));
        if (untyped.isPresent()) {
            Problems.send(context, untyped.get());
            return;
        }
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > RequestLimits.MAX_BODY_BYTES) {
            Problems.send(context, RequestLimits.bodyTooLarge());
            return;
        }
        String client;
        RateLimits.RouteClass routeClass;
        if (path.equals(OPENAPI) || path.equals(ASYNCAPI) || ApiReference.isReference(path)) {
            client = request.remoteAddress() == null
                    ? "unknown"
                    : request.remoteAddress().hostAddress();
            routeClass = RateLimits.RouteClass.ANONYMOUS;
        } else {
            Optional<JsonWebToken> token = verify(request.getHeader("Authorization"));
            if (token.isEmpty()) {
                context.response().putHeader("WWW-Authenticate", "Bearer");
                Problems.send(context, 401, "unauthenticated", "Unauthenticated", "a valid bearer token is required");
                return;
            }
            client = token.get().getSubject();
            context.put(SUBJECT, client);
            routeClass = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD
                    ? RateLimits.RouteClass.READ
                    : RateLimits.RouteClass.WRITE;
        }
        RateLimits.Decision decision = rateLimits.take(client, routeClass);
        context.response()
                .putHeader("RateLimit-Limit", String.valueOf(decision.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()))
                .putHeader("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
        if (!decision.allowed()) {
            context.response().putHeader("Retry-After", String.valueOf(decision.resetSeconds()));
            Problems.send(
                    context,
                    429,
                    "too-many-requests",
                    "Too many requests",
                    "rate limit exceeded; retry after " + decision.resetSeconds() + " s");
            return;
        }
        if (length == null && request.headers().contains("Transfer-Encoding")) {
            // a body of unknown length is read here up to the limit (413 beyond it) and then proxied as read
            chunkedBodies.handle(context);
            return;
        }
        context.next();
    }

    private Optional<JsonWebToken> verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        try {
            return Optional.of(knownTokens.verified(token, unknown -> {
                JsonWebToken parsed = tokens.parse(unknown);
                TokenClaims.of(
                        parsed,
                        Instant.now(),
                        config.token().maxLifetime(),
                        config.token().clockSkew());
                return parsed;
            }));
        } catch (ParseException | TokenClaims.InvalidToken e) {
            return Optional.empty();
        }
    }
}
