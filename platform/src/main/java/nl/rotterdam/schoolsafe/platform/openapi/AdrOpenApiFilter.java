package nl.rotterdam.schoolsafe.platform.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.http.Idempotency;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every service's OpenAPI document say what the services do on every operation (docs/architecture.md §7,
 * NL GOV API Design Rules): the API-Version header on each success, and the problem+json answers
 * every operation can give.
 */
public class AdrOpenApiFilter implements OASFilter {
    private static final String PROBLEM = "application/problem+json";
    private static final Map<String, String> PROBLEMS = problems();
    /** What SmallRye writes for @NotBlank: some character that is not white space, anywhere. */
    private static final String NOT_BLANK = "\\S";
    /** The longest text a formatted string can be: an RFC 3339 date-time with nanoseconds and offset, a date, a UUID. */
    private static final Map<String, Integer> FORMAT_LENGTHS = Map.of("date-time", 35, "date", 10, "uuid", 36);

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid input: every bad field is listed in errors");
        problems.put("401", "No valid bearer token");
        problems.put("403", "Your role may not do this");
        problems.put("404", "Does not exist, or is not yours to see");
        problems.put("406", "The requested media type is not offered");
        problems.put("414", "The path and query are over 16 KB (the limit is in the problem)");
        problems.put("431", "The headers are over 16 KB together (the limit is in the problem)");
        problems.put("429", "Too many requests; see Retry-After");
        problems.put("500", "Unexpected failure; nothing internal is disclosed");
        problems.put("503", "A service is unavailable; see Retry-After");
        return Map.copyOf(problems);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Problem", problemSchema());
        components.addSchema("JsonValue", jsonValue());
        components.addSchema(
                "JsonObject",
                OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT)
                        .description("A JSON object of named values")
                        .additionalPropertiesSchema(OASFactory.createSchema().ref("#/components/schemas/JsonValue")));
        components.addHeader(
                "API-Version",
                OASFactory.createHeader()
                        .description("The full version of the API (API-versie)")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .pattern("^[0-9]+\\.[0-9]+\\.[0-9]+$")
                                .maxLength(20)
                                .example("1.0.0")));
        if (components.getSchemas() != null) {
            namePagesAfterTheirItems(openAPI);
            components.getSchemas().values().forEach(AdrOpenApiFilter::bound);
            components.getSchemas().values().forEach(Formats::shape);
            Map<String, Schema> named = Map.copyOf(components.getSchemas());
            named.values().forEach(schema -> allowNulls(schema, named));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        items.forEach((path, item) -> documentEtagsOfReads(path, item, items));
        for (PathItem item : items.values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    item.getOperations().entrySet()) {
                document(operation.getKey(), operation.getValue());
                Examples.describe(operation.getValue());
                Formats.shape(operation.getValue());
                Examples.exemplify(operation.getValue(), components);
                if (operation.getValue().getParameters() != null) {
                    operation.getValue().getParameters().forEach(p -> bound(p.getSchema()));
                }
                if (operation.getValue().getRequestBody() != null
                        && operation.getValue().getRequestBody().getContent() != null) {
                    operation
                            .getValue()
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()
                            .forEach(m -> bound(m.getSchema()));
                }
                operation.getValue().getResponses().getAPIResponses().values().stream()
                        .filter(r -> r.getContent() != null && r.getContent().getMediaTypes() != null)
                        .forEach(r -> r.getContent().getMediaTypes().values().forEach(m -> bound(m.getSchema())));
            }
        }
    }

    /**
     * States the bounds the services enforce anyway (bodies and free text of at most 4,000
     * characters, pages of at most 200) where a schema does not name tighter ones.
     */
    private static void bound(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getPattern() != null
                && !schema.getPattern().startsWith("^")
                && !schema.getPattern().equals(NOT_BLANK)) {
            // Bean Validation's @Pattern matches the whole value, a JSON Schema pattern any part of it
            schema.setPattern("^(?:" + schema.getPattern() + ")$");
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null
                && schema.getEnumeration() == null) {
            schema.setMaxLength(
                    FORMAT_LENGTHS.getOrDefault(schema.getFormat() == null ? "" : schema.getFormat(), 4000));
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            boolean wide = "int64".equals(schema.getFormat());
            if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.setMinimum(java.math.BigDecimal.valueOf(wide ? Long.MIN_VALUE : Integer.MIN_VALUE));
            }
            if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.setMaximum(java.math.BigDecimal.valueOf(wide ? Long.MAX_VALUE : Integer.MAX_VALUE));
            }
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            if (schema.getMaxItems() == null) {
                schema.setMaxItems(200);
            }
            bound(schema.getItems());
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(AdrOpenApiFilter::bound);
        }
        bound(schema.getAdditionalPropertiesSchema());
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(AdrOpenApiFilter::bound);
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(AdrOpenApiFilter::bound);
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(AdrOpenApiFilter::bound);
        }
    }

    /**
     * A page is named after what it lists ({@code PageIncidentSummary}, {@code PageProcessingRecord}), not after the
     * Java class of its rows ({@code PageEntry}, {@code PageApplicationView}).
     */
    private static void namePagesAfterTheirItems(OpenAPI openAPI) {
        Map<String, String> renamed = new LinkedHashMap<>();
        Map<String, Schema> schemas =
                new LinkedHashMap<>(openAPI.getComponents().getSchemas());
        schemas.forEach((name, schema) -> {
            Schema items = schema.getProperties() == null
                    ? null
                    : schema.getProperties().get("items");
            if (name.startsWith("Page")
                    && schema.getProperties().containsKey("nextCursor")
                    && items != null
                    && items.getItems() != null
                    && items.getItems().getRef() != null) {
                String row = items.getItems()
                        .getRef()
                        .substring(items.getItems().getRef().lastIndexOf('/') + 1);
                if (!name.equals("Page" + row)) {
                    renamed.put(name, "Page" + row);
                }
            }
        });
        if (renamed.isEmpty()) {
            return;
        }
        Map<String, Schema> named = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> named.put(renamed.getOrDefault(name, name), schema));
        openAPI.getComponents().setSchemas(named);
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(r -> r.getContent() != null && r.getContent().getMediaTypes() != null)
                        .flatMap(r -> r.getContent().getMediaTypes().values().stream())
                        .map(m -> m.getSchema())
                        .filter(schema -> schema != null && schema.getRef() != null)
                        .forEach(schema -> {
                            String name =
                                    schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                            if (renamed.containsKey(name)) {
                                schema.setRef("#/components/schemas/" + renamed.get(name));
                            }
                        });
            }
        }
    }

    /**
     * A property that is not required may be sent and answered as null, as Jackson reads and writes it. A reference
     * to a shared scalar (DateTime, Date, Uuid, an enum) becomes that scalar or null, so its format stays visible to
     * the rules that look for it; a reference to an object becomes that object or null.
     */
    private static void allowNulls(Schema schema, Map<String, Schema> named) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        allowNulls(schema.getItems(), named);
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            allowNulls(property, named);
            boolean required =
                    schema.getRequired() != null && schema.getRequired().contains(name);
            properties.put(name, required ? property : nullable(property, named));
        });
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property, Map<String, Schema> named) {
        if (property.getRef() != null) {
            Schema target =
                    named.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
            if (target != null && scalar(target) && target.getEnumeration() == null) {
                Schema copy = OASFactory.createSchema()
                        .type(new java.util.ArrayList<>(target.getType()))
                        .format(target.getFormat())
                        .pattern(target.getPattern())
                        .minLength(target.getMinLength())
                        .maxLength(target.getMaxLength())
                        .examples(target.getExamples())
                        .description(
                                property.getDescription() == null
                                        ? target.getDescription()
                                        : property.getDescription());
                if (target.getEnumeration() != null) {
                    copy.setEnumeration(new java.util.ArrayList<>(target.getEnumeration()));
                }
                return nullable(copy, named);
            }
            return OASFactory.createSchema()
                    .description(property.getDescription())
                    .addAnyOf(OASFactory.createSchema().ref(property.getRef()))
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        if (property.getType() == null || property.getType().isEmpty()) {
            return property;
        }
        if (!property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
            property.addEnumeration(null);
        }
        return property;
    }

    private static boolean scalar(Schema schema) {
        return schema.getType() != null
                && !schema.getType().isEmpty()
                && !schema.getType().contains(Schema.SchemaType.OBJECT)
                && !schema.getType().contains(Schema.SchemaType.ARRAY);
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses =
                operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        for (Map.Entry<String, APIResponse> response : Map.copyOf(
                        responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses())
                .entrySet()) {
            if (response.getKey().startsWith("2") || response.getKey().startsWith("3")) {
                response.getValue()
                        .addHeader("API-Version", OASFactory.createHeader().ref("#/components/headers/API-Version"));
            } else if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                response.getValue().setContent(problemContent());
            }
        }
        PROBLEMS.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(
                        status,
                        OASFactory.createAPIResponse().description(description).content(problemContent()));
            }
        });
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            if (operation.getRequestBody() != null) {
                addIfAbsent(responses, "415", "The body's media type is not accepted, or the body has no Content-Type");
                addIfAbsent(
                        responses,
                        "413",
                        "The body is over 1 MB, also when sent chunked (the limit is in the problem)");
            }
        }
        if (method != PathItem.HttpMethod.GET) {
            addIfAbsent(
                    responses,
                    "409",
                    "The current state does not allow this, or it conflicts with an existing entry: the problem names "
                            + "the state and the allowed actions, or the conflicting fields");
        }
        APIResponse created = responses.getAPIResponse("201");
        if (created != null) {
            created.addHeader(
                    "Location",
                    header("Where the new resource is read", "uri", "https://api.schoolsafe.rotterdam.nl/api/v1/..."));
        }
        if (takes(operation, "Idempotency-Key")) {
            addIfAbsent(responses, "422", "The Idempotency-Key was used before with another body");
            if (created != null) {
                created.addHeader("ETag", etag());
                created.addHeader(
                        "Idempotent-Replayed",
                        OASFactory.createHeader()
                                .description(
                                        "true when this is the first answer, replayed for a retry with the same key")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)));
            }
        }
        if (takes(operation, "If-Match")) {
            addIfAbsent(responses, "412", "Changed since you read it: the If-Match ETag is stale");
            Parameter ifMatch = parameter(operation, "If-Match");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                ifMatch.setDescription("The ETag you read; without it the answer is 428");
                addIfAbsent(responses, "428", "Send the ETag you read in If-Match");
            } else {
                ifMatch.setDescription("The ETag you read; when sent, a stale one is answered with 412");
            }
            withEtag(responses);
        }
        if (takes(operation, "Idempotency-Key")) {
            Schema key = parameter(operation, "Idempotency-Key").getSchema();
            key.setPattern(Idempotency.KEY_PATTERN);
            key.setMaxLength(Idempotency.KEY_MAX_LENGTH);
        }
    }

    /** Reads of a resource that is changed with If-Match give the ETag to send. */
    /** A read of a resource changed with If-Match, on itself or on one of its actions, gives the ETag to send. */
    private static void documentEtagsOfReads(String path, PathItem item, Map<String, PathItem> items) {
        boolean conditional = items.entrySet().stream()
                .filter(other -> other.getKey().equals(path) || other.getKey().startsWith(path + "/"))
                .filter(other -> !other.getKey().substring(path.length()).matches("/\\{[^/]+}.*"))
                .flatMap(other -> other.getValue().getOperations().values().stream())
                .anyMatch(o -> takes(o, "If-Match"));
        if (conditional && item.getGET() != null) {
            withEtag(item.getGET().getResponses());
        }
    }

    private static void withEtag(APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", etag());
        }
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header etag() {
        org.eclipse.microprofile.openapi.models.headers.Header etag =
                header("The version of the resource: send it in If-Match to change it", null, "\"3\"");
        etag.getSchema().setPattern(Formats.ETAG);
        return etag;
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header header(
            String description, String format, String example) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .format(format)
                        .maxLength(2000)
                        .example(example));
    }

    private static Parameter parameter(Operation operation, String header) {
        return operation.getParameters().stream()
                .filter(p -> header.equalsIgnoreCase(p.getName()))
                .findFirst()
                .orElseThrow();
    }

    private static boolean takes(Operation operation, String header) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> header.equalsIgnoreCase(p.getName()));
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(
                    status,
                    OASFactory.createAPIResponse().description(description).content(problemContent()));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        PROBLEM,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }

    /**
     * Any JSON value, for the few free-form figures (an audit's before and after, an allocation's inputs). A list
     * holds scalars or objects, not lists: a TypeScript type cannot name itself inside a list of itself.
     */
    private static Schema jsonValue() {
        Schema object = OASFactory.createSchema().ref("#/components/schemas/JsonObject");
        List<Schema> scalarsAndObject = List.of(
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(4000),
                OASFactory.createSchema().addType(Schema.SchemaType.NUMBER),
                OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN),
                OASFactory.createSchema().addType(Schema.SchemaType.NULL),
                object);
        List<Schema> any = new java.util.ArrayList<>(scalarsAndObject);
        any.add(OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .maxItems(200)
                .items(OASFactory.createSchema().anyOf(scalarsAndObject)));
        return OASFactory.createSchema()
                .description("A JSON value: text, number, true or false, null, an object, or a list of those")
                .anyOf(any);
    }

    private static Schema problemSchema() {
        Schema text =
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (foutmelding)")
                .required(List.of("type", "title", "status", "detail"))
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .maxLength(200)
                                .example("https://schoolsafe.rotterdam.nl/problems/invalid-input"))
                .addProperty("title", text)
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(100))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty(
                        "instance",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .maxLength(200)
                                .description("This occurrence: the request id the gateway gave it"))
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .maxItems(200)
                                .description("Every invalid field of the request")
                                .items(OASFactory.createSchema()
                                        .addType(Schema.SchemaType.OBJECT)
                                        .addProperty(
                                                "field",
                                                OASFactory.createSchema()
                                                        .addType(Schema.SchemaType.STRING)
                                                        .maxLength(200))
                                        .addProperty(
                                                "message",
                                                OASFactory.createSchema()
                                                        .addType(Schema.SchemaType.STRING)
                                                        .maxLength(500))))
                .addProperty(
                        "context",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .description("Further facts, such as the current state and the allowed actions")
                                .additionalPropertiesSchema(
                                        OASFactory.createSchema().ref("#/components/schemas/JsonValue")));
    }
}
