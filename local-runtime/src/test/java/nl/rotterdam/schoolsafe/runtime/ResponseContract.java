package nl.rotterdam.schoolsafe.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Checks every response a RestAssured test receives against the published OpenAPI document
 * ({@code gateway/src/main/resources/openapi/schoolsafe-api-v1.json}): the status must be documented for the
 * operation, the media type offered, and the body valid against the schema. Drift between the code and the
 * document so fails the test that met it. Requests to paths the document does not have (hostile paths, /q/...)
 * are not checked.
 */
public final class ResponseContract implements Filter {
    static final Path DOCUMENT = Path.of("gateway", "src", "main", "resources", "openapi", "schoolsafe-api-v1.json");
    private static final String IRI = "https://schoolsafe.rotterdam.nl/openapi/v1.json";
    private static final String PREFIX = "/api/v1";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static volatile ResponseContract installed;

    private final List<Route> routes = new ArrayList<>();
    private final SchemaCatalog schemas;
    private final AtomicLong checked = new AtomicLong();
    private final Set<String> met = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ResponseContract(JsonNode document) {
        // the document's schemas as one JSON Schema 2020-12 document (OpenAPI 3.1's dialect), so one loader
        // resolves every response schema and its $refs
        ObjectNode defs = ((ObjectNode) document.path("components").path("schemas")).deepCopy();
        int inline = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                Map<String, Map<String, String>> responses = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> rs =
                                op.getValue().path("responses").fields();
                        rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    Map<String, String> media = new HashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> ms =
                                    r.getValue().path("content").fields();
                            ms.hasNext(); ) {
                        Map.Entry<String, JsonNode> m = ms.next();
                        JsonNode schema = m.getValue().get("schema");
                        String name = "";
                        if (schema != null) {
                            name = "response" + inline++;
                            defs.set(name, schema);
                        }
                        media.put(m.getKey(), name);
                    }
                    responses.put(r.getKey(), media);
                }
                routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), responses));
            }
        }
        routes.sort(Comparator.comparingLong(Route::variables));
        schemas = new SchemaCatalog(defs);
    }

    /** Adds the check to RestAssured's global filters, once per class loader. */
    public static synchronized void install() {
        if (installed == null) {
            ResponseContract contract = new ResponseContract(SchemaCatalog.published(DOCUMENT));
            installed = contract;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> report(contract)));
        }
        if (!RestAssured.filters().contains(installed)) {
            RestAssured.filters(installed);
        }
    }

    /**
     * What this class loader's tests checked, one line each (Quarkus starts an application, and so a loader, per test
     * profile), appended to target/response-contract.txt; the test output is closed by now.
     */
    private static void report(ResponseContract contract) {
        try {
            Files.writeString(
                    Path.of("target", "response-contract.txt"),
                    contract.checked() + " answers checked against the published OpenAPI document, "
                            + contract.operations() + " operations met\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a report that cannot be written changes nothing that was checked
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification spec, FilterContext context) {
        Response response = context.next(request, spec);
        String path = URI.create(request.getURI()).getRawPath();
        List<String> violations = violations(request.getMethod(), path, response);
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + path + " (" + response.statusCode()
                    + ") differs from the published OpenAPI document:\n  " + String.join("\n  ", violations)
                    + "\n  body: " + abbreviate(response.asString()));
        }
        return response;
    }

    /** What is wrong with this answer by the document; empty when it conforms or the path is not in the document. */
    List<String> violations(String method, String rawPath, Response response) {
        if (!rawPath.startsWith(PREFIX + "/")) {
            return List.of();
        }
        String path = rawPath.substring(PREFIX.length());
        Optional<Route> route = routes.stream()
                .filter(r -> r.method.equals(method) && r.pattern.matcher(path).matches())
                .findFirst();
        if (route.isEmpty()) {
            return List.of();
        }
        checked.incrementAndGet();
        met.add(method + " " + route.get().template);
        Map<String, String> media = route.get().responses.get(String.valueOf(response.statusCode()));
        if (media == null) {
            media = route.get().responses.get("default");
        }
        if (media == null) {
            return List.of(
                    "status " + response.statusCode() + " is not documented for " + method + " " + route.get().template
                            + " (documented: " + route.get().responses.keySet() + ")");
        }
        String body = response.asString();
        if (body == null || body.isEmpty()) {
            return List.of();
        }
        String type = Optional.ofNullable(response.contentType())
                .map(t -> t.split(";")[0].trim())
                .orElse("");
        if (!media.containsKey(type)) {
            return List.of("media type '" + type + "' is not documented for " + response.statusCode() + " (documented: "
                    + media.keySet() + ")");
        }
        String schema = media.get(type);
        if (schema.isEmpty() || !type.endsWith("json")) {
            return List.of();
        }
        try {
            return schemas.violations(schema, new ObjectMapper().readTree(body));
        } catch (IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
    }

    long checked() {
        return checked.get();
    }

    int operations() {
        return met.size();
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }

    private record Route(String method, String template, Pattern pattern, Map<String, Map<String, String>> responses) {
        Route(String method, String template, Map<String, Map<String, String>> responses) {
            this(method, template, Pattern.compile(template.replaceAll("\\{[^}]+}", "[^/]+")), responses);
        }

        long variables() {
            return template.chars().filter(c -> c == '{').count();
        }
    }
}
