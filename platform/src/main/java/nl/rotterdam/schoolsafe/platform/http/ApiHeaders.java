package nl.rotterdam.schoolsafe.platform.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** API Design Rules and security headers on every response a service sends, errors included. */
@ApplicationScoped
public class ApiHeaders {
    private final String apiVersion;

    ApiHeaders(ApiConfig config) {
        this.apiVersion = config.version();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(
                    ignored -> SecurityHeaders.apply(context.response().headers(), apiVersion));
            context.next();
        });
    }
}
