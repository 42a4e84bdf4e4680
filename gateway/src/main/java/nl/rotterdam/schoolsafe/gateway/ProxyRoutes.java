package nl.rotterdam.schoolsafe.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/** Routes each API area to its owning service through Vert.x's reverse proxy, streaming bodies. */
@ApplicationScoped
public class ProxyRoutes {
    private final GatewayConfig config;

    ProxyRoutes(GatewayConfig config) {
        this.config = config;
    }

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds()));
        for (Map.Entry<String, String> area : Routes.AREA_OWNERS.entrySet()) {
            URI target = config.services().get(area.getValue());
            if (target == null) {
                throw new IllegalStateException("no URL configured for service " + area.getValue());
            }
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(target.getPort(), target.getHost());
            router.routeWithRegex("/api/v1/" + Pattern.quote(area.getKey()) + "(/.*)?").handler(ProxyHandler.create(proxy));
        }
    }
}
