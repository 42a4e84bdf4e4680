package nl.rotterdam.schoolsafe.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The demo loader's JSON calls through the gateway, as a real client makes them; any failure stops the load. */
final class GatewayClient {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String gateway;

    GatewayClient(String gateway) {
        this.gateway = gateway;
    }

    String get(String path, String token) {
        return call(request(path, token).GET().build(), false).orElseThrow();
    }

    /** The body, or empty for a 404. */
    Optional<String> find(String path, String token) {
        return call(request(path, token).GET().build(), true);
    }

    String send(String method, String path, String token, String json) {
        return call(
                        request(path, token)
                                .method(method, HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        false)
                .orElseThrow();
    }

    /** A creating POST with an Idempotency-Key, so loading the demo again creates nothing twice. */
    String send(String method, String path, String token, String idempotencyKey, String json) {
        return call(
                        request(path, token)
                                .header("Idempotency-Key", idempotencyKey)
                                .method(method, HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        false)
                .orElseThrow();
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private Optional<String> call(HttpRequest request, boolean absentIsEmpty) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (absentIsEmpty && response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.method() + " "
                        + request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
