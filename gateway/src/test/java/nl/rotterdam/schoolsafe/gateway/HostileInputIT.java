package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import nl.rotterdam.schoolsafe.runtime.LocalSuite;
import org.junit.jupiter.api.Test;

/**
 * Hostile input generated from the published document, sent to the owning service itself (the
 * services validate; the gateway only routes): for every operation with a JSON body, each required
 * field missing, each field of the wrong JSON type, each string over its limit, each enum with an
 * unknown value, server-owned fields set, malformed JSON and a wrong media type. Every answer must
 * be a 4xx problem+json, never a 5xx, and the field variants must name their field.
 */
class HostileInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SERVER_OWNED = List.of("id", "version", "createdAt", "status");

    private JsonNode document;

    private record Variant(String name, String contentType, String body, String field) {}

    @Test
    void everyHostileRequestGetsA4xxProblemNamingItsField() throws Exception {
        LocalSuite suite = SharedSuite.get();
        document = JSON.readTree(Files.readString(Path.of("src/main/resources/openapi/schoolsafe-api-v1.json")));
        String base = document.path("servers").path(0).path("url").asText().replaceFirst("^https?://[^/]+", "");
        Map<String, String> tokens = new LinkedHashMap<>();
        DemoData.ROLES.keySet().forEach(role -> tokens.put(role, SharedSuite.token(role)));
        List<String> failures = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        int serverErrors = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String area = path.getKey().split("/")[1];
            String service = SuiteService.owning(area)
                    .orElseThrow(() -> new AssertionError("no owner for " + area))
                    .id();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode schema = method.getValue()
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                if (schema.isMissingNode()) {
                    continue;
                }
                String url = suite.url(service) + base + fill(path.getKey(), method.getValue());
                String verb = method.getKey().toUpperCase();
                String token = roleReaching(verb, url, tokens);
                if (token == null) {
                    unreached.add(verb + " " + path.getKey());
                    continue;
                }
                operations++;
                for (Variant variant : variants(resolve(schema))) {
                    requests++;
                    Response response = given().auth()
                            .oauth2(token)
                            .header("If-Match", "\"0\"")
                            .header("Idempotency-Key", "hostile-" + UUID.randomUUID())
                            .contentType(variant.contentType())
                            .body(variant.body())
                            .request(verb, url);
                    String where = verb + " " + path.getKey() + " [" + variant.name() + "] → " + response.statusCode();
                    if (response.statusCode() >= 500) {
                        serverErrors++;
                        failures.add(where + " " + response.asString());
                    } else if (response.statusCode() < 400
                            || !"application/problem+json".equals(response.contentType())) {
                        failures.add(where + " not a 4xx problem: " + response.asString());
                    } else if (variant.field() != null) {
                        List<String> fields = response.path("errors.field");
                        if (fields == null
                                || fields.stream()
                                        .noneMatch(f -> f.equals(variant.field())
                                                || f.startsWith(variant.field() + ".")
                                                || f.startsWith(variant.field() + "["))) {
                            failures.add(where + " does not name " + variant.field() + ": " + response.asString());
                        }
                    }
                }
            }
        }
        System.out.printf(
                "[hostile input] %d operations, %d generated requests, %d answered 5xx, %d findings; not reached: %s%n",
                operations, requests, serverErrors, failures.size(), unreached);
        assertTrue(operations >= 30, "operations reached: " + operations + "; not reached " + unreached);
        assertEquals(0, serverErrors, String.join("\n", failures));
        assertEquals(List.of(), failures);
    }

    /** The first demo role the service lets through to body validation (a malformed body answered 400, not 401/403). */
    private static String roleReaching(String verb, String url, Map<String, String> tokens) {
        for (String token : tokens.values()) {
            int status = given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body("{")
                    .request(verb, url)
                    .statusCode();
            if (status == 400) {
                return token;
            }
        }
        return null;
    }

    private List<Variant> variants(JsonNode schema) throws Exception {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("malformed JSON", "application/json", "{\"a\":", "body"));
        variants.add(new Variant("wrong media type", "text/plain", "hello", null));
        ObjectNode valid = sample(schema);
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            ObjectNode missing = valid.deepCopy();
            missing.remove(required.asText());
            variants.add(new Variant(
                    required.asText() + " missing",
                    "application/json",
                    JSON.writeValueAsString(missing),
                    required.asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            addFieldVariants(variants, valid, field.getKey(), resolve(field.getValue()), field.getKey(), valid);
            JsonNode items = resolve(field.getValue()).path("items");
            if (!items.isMissingNode() && resolve(items).path("properties").isObject()) {
                JsonNode item = resolve(items);
                for (Iterator<Map.Entry<String, JsonNode>> nested =
                                item.path("properties").fields();
                        nested.hasNext(); ) {
                    Map.Entry<String, JsonNode> inner = nested.next();
                    ObjectNode element = sample(item);
                    ObjectNode body = valid.deepCopy();
                    body.putArray(field.getKey()).add(element);
                    addFieldVariants(
                            variants,
                            element,
                            inner.getKey(),
                            resolve(inner.getValue()),
                            field.getKey() + "[0]." + inner.getKey(),
                            body);
                }
            }
        }
        for (String owned : SERVER_OWNED) {
            if (!properties.has(owned)) {
                ObjectNode body = valid.deepCopy();
                body.put(owned, "set-by-client");
                variants.add(new Variant(owned + " set", "application/json", JSON.writeValueAsString(body), owned));
            }
        }
        return variants;
    }

    /** Wrong JSON types, too-long strings and unknown enum values for one field, in a body that is otherwise as sampled. */
    private static void addFieldVariants(
            List<Variant> variants, ObjectNode holder, String name, JsonNode schema, String path, ObjectNode body)
            throws Exception {
        String type = type(schema);
        JsonNode original = holder.get(name);
        List<JsonNode> wrong = switch (type) {
            case "string" ->
                List.of(NODES.numberNode(12345), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode());
            case "integer", "number" -> List.of(NODES.textNode("12"), NODES.booleanNode(true), NODES.arrayNode());
            case "boolean" -> List.of(NODES.textNode("yes"), NODES.numberNode(1));
            case "array" -> List.of(NODES.textNode("x"), NODES.objectNode());
            case "object" -> List.of(NODES.arrayNode().add(1), NODES.textNode("x"));
            default -> List.of();
        };
        for (JsonNode value : wrong) {
            holder.set(name, value);
            variants.add(new Variant(
                    path + " as " + value.getNodeType(), "application/json", JSON.writeValueAsString(body), path));
        }
        if (schema.has("enum")) {
            holder.put(name, "NOT_A_KNOWN_VALUE");
            variants.add(new Variant(path + " unknown enum", "application/json", JSON.writeValueAsString(body), path));
        }
        if ("string".equals(type)
                && schema.has("maxLength")
                && schema.path("maxLength").asInt() < 100_000) {
            holder.put(name, "a".repeat(schema.path("maxLength").asInt() + 1));
            variants.add(
                    new Variant(path + " over maxLength", "application/json", JSON.writeValueAsString(body), path));
        }
        if (original == null) {
            holder.remove(name);
        } else {
            holder.set(name, original);
        }
    }

    /** A body with every property set to a plausible value (examples first), so a variant differs in one field. */
    private ObjectNode sample(JsonNode schema) {
        ObjectNode body = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields =
                        schema.path("properties").fields();
                fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode property = field.getValue();
            JsonNode resolved = resolve(property);
            JsonNode example = property.path("examples").path(0).isMissingNode()
                    ? resolved.path("examples").path(0)
                    : property.path("examples").path(0);
            String type = type(resolved);
            if (!example.isMissingNode()
                    && example.isTextual()
                    && ("integer".equals(type) || "number".equals(type))
                    && example.asText().matches("-?\\d+")) {
                body.put(field.getKey(), Long.parseLong(example.asText()));
            } else if (!example.isMissingNode()) {
                body.set(field.getKey(), example);
            } else if (resolved.has("enum")) {
                body.set(field.getKey(), resolved.path("enum").path(0));
            } else {
                switch (type) {
                    case "string" -> body.put(field.getKey(), sampleString(resolved));
                    case "integer", "number" -> body.put(field.getKey(), 1);
                    case "boolean" -> body.put(field.getKey(), false);
                    case "array" -> body.putArray(field.getKey());
                    default -> {}
                }
            }
        }
        return body;
    }

    private static String sampleString(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> "2026-11-20T10:15:00+01:00";
            case "date" -> "2026-11-20";
            default -> "x";
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText(schema.has("enum") ? "string" : "");
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        // a nullable reference is anyOf [the reference, null]: its variants are the reference's
        if (current.path("anyOf").isArray()) {
            for (JsonNode option : current.path("anyOf")) {
                if (!"null".equals(option.path("type").asText())) {
                    current = option;
                    break;
                }
            }
        }
        for (int depth = 0; depth < 5 && current.has("$ref"); depth++) {
            JsonNode target = document.at(current.path("$ref").asText().substring(1));
            if (current.size() > 1) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                current.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                current = merged;
            } else {
                current = target;
            }
        }
        return current;
    }

    /** The path with each parameter filled from its example, or a UUID. */
    private String fill(String template, JsonNode operation) {
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                JsonNode schema = resolve(parameter.path("schema"));
                String value = parameter.path("example").isMissingNode()
                        ? schema.path("examples")
                                .path(0)
                                .asText(schema.path("example").asText(""))
                        : parameter.path("example").asText();
                if (value.isEmpty()) {
                    value = "uuid".equals(schema.path("format").asText())
                                    || schema.path("pattern").isMissingNode()
                            ? UUID.randomUUID().toString()
                            : "hostile-1";
                }
                path = path.replace("{" + parameter.path("name").asText() + "}", value);
            }
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
