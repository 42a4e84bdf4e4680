package nl.rotterdam.schoolsafe.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One OpenAPI document for the whole API, merged from the services' own documents: paths relative
 * to the versioned server URL, one security scheme, and schema names that cannot collide (a name
 * two services use for different shapes is prefixed with the service's name).
 */
@ApplicationScoped
public class ApiDocument {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ApiDocument.class);
    private static final String PREFIX = "/api/v1";
    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    ApiDocument(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.get(Edge.OPENAPI)
                .blockingHandler(
                        context -> respond(context, "application/json", () -> json.writeValueAsString(document())));
        byte[] asyncApi = asyncApi();
        router.get(Edge.ASYNCAPI)
                .handler(context -> context.response()
                        .putHeader("Content-Type", "application/json")
                        .end(io.vertx.core.buffer.Buffer.buffer(asyncApi)));
    }

    /** The events' contract, generated from the code and checked in (AsyncApiTest keeps the two equal). */
    private static byte[] asyncApi() {
        try (var in = ApiDocument.class.getResourceAsStream("/asyncapi/schoolsafe-asyncapi.json")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi/schoolsafe-asyncapi.json is missing from the gateway");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private interface Body {
        String get() throws Exception;
    }

    private static void respond(RoutingContext context, String type, Body body) {
        try {
            context.response().putHeader("Content-Type", type).end(body.get());
        } catch (IllegalStateException e) {
            LOG.error("the API description cannot be merged", e);
            Problems.send(context, 500, "internal", "Internal error", "the API description cannot be merged");
        } catch (Exception e) {
            Problems.send(
                    context,
                    503,
                    "service-unavailable",
                    "Service unavailable",
                    "the API description could not be assembled: a service did not answer");
        }
    }

    /** The service's own document, from the first of its instances that answers (all serve the same). */
    private String describedBy(String service, List<URI> instances) throws IOException, InterruptedException {
        IOException last = null;
        for (URI instance : instances) {
            HttpRequest request = HttpRequest.newBuilder(instance.resolve("/q/openapi?format=json"))
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(5))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
                last = new IOException(service + " answered " + response.statusCode());
            } catch (IOException e) {
                last = e;
            }
        }
        throw last == null ? new IOException(service + " has no instance") : last;
    }

    synchronized ObjectNode document() throws IOException, InterruptedException {
        if (cached != null && Instant.now().isBefore(cachedAt.plus(FRESH_FOR))) {
            return cached;
        }
        Map<String, JsonNode> documents = new TreeMap<>();
        for (Map.Entry<String, List<URI>> service : config.services().entrySet()) {
            documents.put(service.getKey(), json.readTree(describedBy(service.getKey(), service.getValue())));
        }
        cached = merge(documents);
        cachedAt = Instant.now();
        return cached;
    }

    ObjectNode merge(Map<String, JsonNode> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put(
                "openapi", documents.values().iterator().next().path("openapi").asText("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "SchoolSafe Rotterdam API");
        info.put("version", "1.0.0");
        info.put(
                "description",
                "One privacy-safe backbone for school safety in Rotterdam: incidents (meldingen), escalations, "
                        + "subsidies and the safety offer. Every error is application/problem+json; every success carries API-Version.");
        ObjectNode contact = info.putObject("contact");
        contact.put("name", "SchoolSafe Rotterdam");
        contact.put("email", "schoolsafe@rotterdam.nl");
        contact.put("url", "https://www.rotterdam.nl");
        merged.putArray("servers")
                .addObject()
                .put("url", config.publicUrl().toString().replaceAll("/$", "") + PREFIX)
                .put("description", "SchoolSafe gateway (production)")
                .put("x-internal", false);
        merged.putArray("security").addObject().putArray("bearer");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode headers = components.putObject("headers");
        ObjectNode examples = components.putObject("examples");
        components
                .putObject("securitySchemes")
                .putObject("bearer")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put(
                        "description",
                        "An RS256 JWT of the OIDC provider (OAuth NL profile), following the JWT best practices of RFC8725 "
                                + "(explicit algorithm, kid, iss, aud, exp and nbf checked); never in a query string.");
        Set<String> tagNames = new HashSet<>();
        Map<String, String> owners = new HashMap<>();
        for (Map.Entry<String, JsonNode> service : documents.entrySet()) {
            JsonNode document = service.getValue();
            refuseClashes(service.getKey(), document, schemas, owners);
            document.path("components")
                    .path("schemas")
                    .fields()
                    .forEachRemaining(s -> schemas.set(s.getKey(), s.getValue()));
            document.path("components")
                    .path("headers")
                    .fields()
                    .forEachRemaining(h -> headers.set(h.getKey(), h.getValue()));
            document.path("components")
                    .path("examples")
                    .fields()
                    .forEachRemaining(e -> examples.set(e.getKey(), e.getValue()));
            document.path("tags").forEach(tag -> {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            });
            document.path("paths").fields().forEachRemaining(path -> {
                if (path.getKey().startsWith(PREFIX + "/")) {
                    ObjectNode operations = (ObjectNode) path.getValue();
                    operations.fields().forEachRemaining(op -> {
                        if (op.getValue() instanceof ObjectNode operation) {
                            operation.remove("security");
                        }
                    });
                    paths.set(path.getKey().substring(PREFIX.length()), operations);
                }
            });
        }
        documentGatewayHeaders(headers, paths);
        return merged;
    }

    /** What the gateway adds to every answer: rate-limit state, CORS, and Retry-After on 429 and 503. */
    private void documentGatewayHeaders(ObjectNode headers, ObjectNode paths) {
        header(
                headers,
                "RateLimit-Limit",
                "Requests allowed per minute for this client and kind of request",
                "integer");
        header(headers, "RateLimit-Remaining", "Requests left in the current window", "integer");
        header(headers, "RateLimit-Reset", "Seconds until the window resets", "integer");
        header(headers, "Retry-After", "Seconds to wait before retrying", "integer");
        header(
                headers,
                "Access-Control-Allow-Origin",
                "Present when the request's Origin is on the allowlist",
                "string");
        paths.forEach(path ->
                path.forEach(operation -> operation.path("responses").fields().forEachRemaining(response -> {
                    ObjectNode responseHeaders = response.getValue() instanceof ObjectNode r
                            ? (r.has("headers") ? (ObjectNode) r.get("headers") : r.putObject("headers"))
                            : null;
                    if (responseHeaders == null) {
                        return;
                    }
                    String code = response.getKey();
                    java.util.List<String> names =
                            new java.util.ArrayList<>(java.util.List.of("Access-Control-Allow-Origin"));
                    if (code.startsWith("2") || code.startsWith("4")) {
                        names.addAll(java.util.List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
                    }
                    if (code.equals("429") || code.equals("503")) {
                        names.add("Retry-After");
                    }
                    names.forEach(name -> responseHeaders.putObject(name).put("$ref", "#/components/headers/" + name));
                })));
    }

    private void header(ObjectNode headers, String name, String description, String type) {
        ObjectNode schema = headers.putObject(name)
                .put("description", description)
                .putObject("schema")
                .put("type", type);
        if (type.equals("integer")) {
            schema.put("format", "int64").put("minimum", 0).put("maximum", Long.MAX_VALUE);
        } else {
            schema.put("maxLength", 200).put("format", "uri");
        }
    }

    /**
     * Refuses two services that give one schema name to different shapes: a generated client would get one of them
     * under that name, or numbered names; each service names its schemas for what they are instead.
     */
    static void refuseClashes(String service, JsonNode document, ObjectNode merged, Map<String, String> owners) {
        document.path("components").path("schemas").properties().forEach(schema -> {
            JsonNode existing = merged.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                throw new IllegalStateException("schema " + schema.getKey() + " of " + service
                        + " differs from the one of " + owners.get(schema.getKey())
                        + "; name one of them for what it is (@Schema(name = ...))");
            }
            owners.putIfAbsent(schema.getKey(), service);
        });
    }
}
