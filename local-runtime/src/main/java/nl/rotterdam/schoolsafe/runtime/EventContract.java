package nl.rotterdam.schoolsafe.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Checks every event a service put on a topic, as a test reads it, against its payload schema in the published
 * AsyncAPI document (gateway/src/main/resources/asyncapi/schoolsafe-asyncapi.json), so an event that drifts from
 * its contract fails the test that met it. Records the tests wrote themselves, and parked ones, are not checked.
 */
final class EventContract {
    static final Path DOCUMENT = Path.of("gateway", "src", "main", "resources", "asyncapi", "schoolsafe-asyncapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile EventContract loaded;

    private final JsonNode messages;
    private final SchemaCatalog schemas;

    private EventContract(JsonNode document) {
        this.messages = document.path("components").path("messages");
        this.schemas =
                new SchemaCatalog(((ObjectNode) document.path("components").path("schemas")).deepCopy());
    }

    static void check(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String source = header(record, "ce_source");
        if (type == null
                || source == null
                || source.equals("/schoolsafe/test")
                || record.topic().endsWith(".dlq")) {
            return;
        }
        List<String> violations = contract().violations(type, record.value());
        if (!violations.isEmpty()) {
            throw new AssertionError("The " + type + " event " + header(record, "ce_id") + " on " + record.topic()
                    + " differs from the published AsyncAPI document:\n  " + String.join("\n  ", violations));
        }
    }

    List<String> violations(String type, byte[] payload) {
        String name = type.replace("nl.rotterdam.schoolsafe.", "");
        JsonNode message = messages.path(name);
        if (message.isMissingNode()) {
            return List.of("no message " + name + " is published");
        }
        String schema = message.path("payload").path("$ref").asText().replace("#/components/schemas/", "");
        try {
            return schemas.violations(schema, JSON.readTree(payload));
        } catch (IOException e) {
            return List.of("the payload is not JSON: " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static EventContract contract() {
        if (loaded == null) {
            synchronized (EventContract.class) {
                if (loaded == null) {
                    loaded = new EventContract(SchemaCatalog.published(DOCUMENT));
                }
            }
        }
        return loaded;
    }
}
