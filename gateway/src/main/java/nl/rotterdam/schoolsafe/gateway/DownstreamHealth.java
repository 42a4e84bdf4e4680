package nl.rotterdam.schoolsafe.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each downstream instance's readiness. The gateway stays ready while one is down: it then
 * sends that service's requests to its other instances, or answers its areas with a 503 problem.
 */
@Readiness
@ApplicationScoped
public class DownstreamHealth implements HealthCheck {
    private final GatewayConfig config;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    DownstreamHealth(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("downstream services").up();
        for (Map.Entry<String, List<URI>> service : config.management().entrySet()) {
            List<URI> instances = service.getValue();
            for (int i = 0; i < instances.size(); i++) {
                response.withData(
                        instances.size() == 1 ? service.getKey() : service.getKey() + "#" + (i + 1),
                        ready(instances.get(i)) ? "UP" : "DOWN");
            }
        }
        return response.build();
    }

    private boolean ready(URI service) {
        try {
            HttpRequest request = HttpRequest.newBuilder(service.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
