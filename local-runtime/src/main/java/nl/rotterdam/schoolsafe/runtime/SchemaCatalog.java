package nl.rotterdam.schoolsafe.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named schemas of a published document (OpenAPI's or AsyncAPI's {@code components.schemas}) as one JSON Schema
 * 2020-12 document in OpenAPI 3.1's dialect, so each validates with its {@code $ref}s resolved. For the contract
 * checks of the tests.
 */
public final class SchemaCatalog {
    private static final String IRI = "https://schoolsafe.rotterdam.nl/contract/schemas.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public SchemaCatalog(ObjectNode definitions) {
        ObjectNode document = JSON.createObjectNode();
        document.put("$schema", OpenApi31.getInstance().getIri());
        document.set("$defs", definitions);
        String text = document.toString().replace("#/components/schemas/", "#/$defs/");
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                b -> b.metaSchema(OpenApi31.getInstance())
                        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                        .schemaLoaders(l -> l.schemas(Map.of(IRI, text))));
    }

    /** What is wrong with {@code instance} by the schema of that name; empty when it conforms. */
    public List<String> violations(String name, JsonNode instance) {
        return schemas
                .computeIfAbsent(
                        name,
                        n -> factory.getSchema(
                                SchemaLocation.of(IRI + "#/$defs/" + n),
                                SchemaValidatorsConfig.builder().build()))
                .validate(instance)
                .stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    /** A published document, found from the working directory of any module of the repository. */
    public static JsonNode published(Path document) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(document))) {
                try {
                    return JSON.readTree(Files.readString(dir.resolve(document)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(
                document + " is not found above " + Path.of("").toAbsolutePath());
    }
}
