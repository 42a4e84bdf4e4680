package nl.rotterdam.schoolsafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published AsyncAPI document is what the code produces, and valid by the AsyncAPI CLI. Regenerate it after a
 * deliberate change of an event with {@code -Dschoolsafe.asyncapi.write=true}; an unintended change fails here.
 */
class AsyncApiTest {
    static final Path PUBLISHED = Path.of("src/main/resources/asyncapi/schoolsafe-asyncapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void writeWhenAsked() throws IOException {
        if (Boolean.getBoolean("schoolsafe.asyncapi.write") || !Files.exists(PUBLISHED)) {
            Files.createDirectories(PUBLISHED.getParent());
            Files.writeString(
                    PUBLISHED,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(AsyncApiDocument.build()) + "\n");
        }
    }

    @Test
    void thePublishedDocumentIsWhatTheCodeProduces() throws IOException {
        JsonNode produced = AsyncApiDocument.build();
        assertEquals(
                JSON.readTree(Files.readString(PUBLISHED)),
                produced,
                "an event changed: regenerate with -Dschoolsafe.asyncapi.write=true and review the diff as a contract change");
    }

    @Test
    void everyEventTypeHasAMessageWithATypedPayload() throws IOException {
        JsonNode doc = JSON.readTree(Files.readString(PUBLISHED));
        for (EventType type : EventType.values()) {
            JsonNode message = doc.path("components").path("messages").path(AsyncApiDocument.messageName(type));
            assertEquals(type.cloudEventType(), message.path("name").asText(), type.name());
            String schema = message.path("payload").path("$ref").asText().replace("#/components/schemas/", "");
            JsonNode payload = doc.path("components").path("schemas").path(schema);
            assertTrue(payload.path("properties").size() > 0, type + " has a typed payload");
        }
        assertTrue(
                doc.toString().contains("\"partner.{partnerId}.events\""),
                "the partner streams are one parameterised channel");
    }

    @Test
    void theAsyncApiCliFindsTheDocumentValid() throws Exception {
        Path tool = Path.of("asyncapi").toAbsolutePath();
        if (!Files.exists(tool.resolve("node_modules/.bin/asyncapi"))) {
            run(tool, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
        }
        String out = run(
                tool,
                List.of(
                        "node_modules/.bin/asyncapi",
                        "validate",
                        PUBLISHED.toAbsolutePath().toString(),
                        "--fail-severity=warn"),
                180);
        assertTrue(out.contains("is valid"), out);
    }

    private static String run(Path dir, List<String> command, int seconds) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("ASYNCAPI_METRICS", "false");
        builder.environment().put("CI", "true");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), command + " failed:\n" + out);
        return out;
    }
}
