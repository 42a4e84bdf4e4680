package nl.rotterdam.schoolsafe.platform.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** API Design Rules and security headers on every response a service sends, errors included. */
@ApplicationScoped
public class ApiHeaders {
    private final String apiVersion;

    ApiHeaders(@ConfigProperty(name = "schoolsafe.api-version", defaultValue = "1.0.0") String apiVersion) {
        this.apiVersion = apiVersion;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> set(context.response().headers()));
            context.next();
        });
    }

    private void set(MultiMap headers) {
        headers.set("API-Version", apiVersion);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "frame-ancestors 'none'");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
