package nl.rotterdam.schoolsafe.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.platform.http.SecurityHeaders;
import nl.rotterdam.schoolsafe.platform.problem.Problem;

/**
 * Routes each API area to its owning service through Vert.x's reverse proxy, streaming bodies, balancing across the
 * service's instances. A service that cannot be reached answers as a 503 problem naming the area, not as a bare 502.
 */
@ApplicationScoped
public class ProxyRoutes {
    private final GatewayConfig config;

    ProxyRoutes(GatewayConfig config) {
        this.config = config;
    }

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setMaxPoolSize(64));
        Map<String, Instances> instances = new ConcurrentHashMap<>();
        for (Map.Entry<String, String> area : Routes.AREA_OWNERS.entrySet()) {
            List<URI> targets = config.services().get(area.getValue());
            if (targets == null || targets.isEmpty()) {
                throw new IllegalStateException("no URL configured for service " + area.getValue());
            }
            Instances service = instances.computeIfAbsent(area.getValue(), ignored -> new Instances(targets));
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider(service::open)
                    .addInterceptor(new ReadBody())
                    .addInterceptor(new Unreachable(area.getKey()));
            router.routeWithRegex("/api/v1/" + Pattern.quote(area.getKey()) + "(/.*)?")
                    .handler(context -> {
                        if (context.body() != null && context.body().buffer() != null) {
                            READ_BODIES.put(context.request(), context.body().buffer());
                            context.addEndHandler(ignored -> READ_BODIES.remove(context.request()));
                        }
                        context.next();
                    })
                    .handler(ProxyHandler.create(proxy));
        }
    }

    /**
     * A service's instances, taken in turn. An instance that refuses the connection never saw the request, so the
     * next one is tried; once every instance has refused, the request is answered as unavailable.
     */
    static final class Instances {
        private final List<SocketAddress> addresses;
        private final AtomicInteger next = new AtomicInteger();

        Instances(List<URI> targets) {
            this.addresses = targets.stream()
                    .map(t -> SocketAddress.inetSocketAddress(t.getPort(), t.getHost()))
                    .toList();
        }

        Future<HttpClientRequest> open(HttpServerRequest request, HttpClient client) {
            return attempt(client, Math.floorMod(next.getAndIncrement(), addresses.size()), 0);
        }

        private Future<HttpClientRequest> attempt(HttpClient client, int first, int tried) {
            SocketAddress address = addresses.get((first + tried) % addresses.size());
            return client.request(new RequestOptions().setServer(address))
                    .recover(failure -> failure instanceof ConnectException && tried + 1 < addresses.size()
                            ? attempt(client, first, tried + 1)
                            : Future.failedFuture(failure));
        }
    }

    /** Bodies the edge already read (sent without a length), by request, until the request ends. */
    private static final Map<HttpServerRequest, Buffer> READ_BODIES = new ConcurrentHashMap<>();

    /** Sends a body the edge read (to check its size) instead of the request's consumed stream. */
    static final class ReadBody implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Buffer read = READ_BODIES.get(context.request().proxiedRequest());
            if (read != null) {
                context.request().headers().remove("Transfer-Encoding");
                context.request().setBody(Body.body(read));
            }
            return context.sendRequest();
        }
    }

    /**
     * A request that did not get the service's answer becomes a 503 problem with Retry-After that says whether the
     * service may have acted on it: {@code service-unavailable} when the connection was refused (or the service,
     * shutting down, refused new work), so any retry is safe; {@code outcome-unknown} when it failed after the request
     * was sent, so only a retry with the same Idempotency-Key is.
     */
    static final class Unreachable implements ProxyInterceptor {
        private final String area;

        Unreachable(String area) {
            this.area = area;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                ProxyResponse response = context.request().response();
                unavailable(context, response, !(failure instanceof ConnectException));
                return Future.succeededFuture(response);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            boolean bare = response.headers().get("Content-Type") == null;
            if (bare && response.getStatusCode() == 502) {
                unavailable(context, response, true);
            } else if (bare && response.getStatusCode() == 503) {
                unavailable(context, response, false);
            }
            return context.sendResponse();
        }

        private void unavailable(ProxyContext context, ProxyResponse response, boolean mayHaveReached) {
            String requestId = context.request().headers().get(SecurityHeaders.REQUEST_ID);
            Problem problem = new Problem(
                    Problem.type(mayHaveReached ? "outcome-unknown" : "service-unavailable"),
                    mayHaveReached ? "Outcome unknown" : "Service unavailable",
                    503,
                    mayHaveReached
                            ? "the " + area + " service stopped answering after it got the request, which may have"
                                    + " taken effect; retry with the same Idempotency-Key, or read before writing again"
                            : "the " + area + " service cannot be reached and did not act on the request; try again"
                                    + " shortly",
                    "urn:request:" + requestId,
                    List.of(),
                    Map.of("area", area, "retrySafe", !mayHaveReached));
            response.setStatusCode(503)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", "5")
                    .setBody(Body.body(Buffer.buffer(Json.encode(problem))));
        }
    }
}
