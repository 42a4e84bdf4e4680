package nl.rotterdam.schoolsafe.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;

/**
 * The AsyncAPI 3.0 document of every topic, built from what the code declares: the event types with their topics,
 * CloudEvents types and payload records (schemas generated from the records), and which service writes each topic.
 * The checked-in copy the gateway serves must equal it ({@link AsyncApiTest}).
 */
final class AsyncApiDocument {
    static final String PARTNER_CHANNEL = "partnerStream";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {}

    static ObjectNode build() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        doc.put("id", "urn:nl:rotterdam:schoolsafe:events");
        ObjectNode info = doc.putObject("info");
        info.put("title", "SchoolSafe Rotterdam events");
        info.put("version", "1.0.0");
        info.put(
                "description",
                "Every topic of the suite. Partner systems read only their own stream, partner.<partnerId>.events, "
                        + "with their principal partner-<partnerId> and consumer groups prefixed partner.<partnerId>. "
                        + "(SASL SCRAM-SHA-512); its events carry the case as the sharing matrix lets that partner see it, "
                        + "never free text. The same events reach partners without Kafka as signed webhooks "
                        + "(/api/v1/subscriptions). Every other topic is internal to the suite. Records are binary-mode "
                        + "CloudEvents 1.0: the attributes in ce_ headers, the payload as the record's value, keyed by "
                        + "the aggregate (for partner streams: the case), so one key's events stay in order.");
        doc.put("defaultContentType", "application/json");
        ObjectNode servers = doc.putObject("servers");
        server(servers, "production", "kafka.schoolsafe.rotterdam.nl:9093", "SASL_SSL with SCRAM-SHA-512");
        server(servers, "local", "127.0.0.1:19092", "the one-command local run: SASL_PLAINTEXT with SCRAM-SHA-512");

        Map<Class<?>, String> payloads = new LinkedHashMap<>();
        Arrays.stream(EventType.values())
                .forEach(t -> payloads.putIfAbsent(t.payload(), t.payload().getSimpleName()));
        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas(payloads.keySet()));
        ObjectNode headers = ((ObjectNode) components.get("schemas")).putObject("CloudEventHeaders");
        cloudEventHeaders(headers);
        ObjectNode messages = components.putObject("messages");
        for (EventType type : EventType.values()) {
            ObjectNode message = messages.putObject(messageName(type));
            message.put("name", type.cloudEventType());
            message.put("title", type.name().toLowerCase().replace('_', ' '));
            message.put("contentType", "application/json");
            message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
            message.putObject("payload")
                    .put("$ref", "#/components/schemas/" + type.payload().getSimpleName());
            message.putObject("correlationId")
                    .put("description", "The CloudEvents id: the same on the topic and as webhook-id")
                    .put("location", "$message.header#/ce_id");
            ObjectNode key = message.putObject("bindings").putObject("kafka").putObject("key");
            key.put("type", "string");
            key.put("description", type.partnerStream() ? "The case id" : "The aggregate's id");
            key.put("maxLength", 200);
        }
        components
                .putObject("securitySchemes")
                .putObject("scram")
                .put("type", "scramSha512")
                .put("description", "One principal per service (its module name) and per partner (partner-<id>)");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        List<String> topics = Arrays.stream(EventType.values())
                .map(EventType::topic)
                .distinct()
                .toList();
        for (String topic : topics) {
            boolean partner = topic.equals(Topics.PARTNER_PREFIX);
            String channelName = partner ? PARTNER_CHANNEL : topic;
            ObjectNode channel = channels.putObject(channelName);
            channel.put("address", partner ? "partner.{partnerId}.events" : topic);
            String writer = SuiteService.producing(partner ? Topics.partner("x") : topic)
                    .map(SuiteService::module)
                    .orElseThrow();
            channel.put(
                    "description",
                    partner
                            ? "One partner's own stream, written by the " + writer
                                    + ": only cases the partner is engaged on, each with that partner's cells of the sharing matrix."
                            : "Internal: written by the " + writer + ", read by the suite's services only.");
            if (partner) {
                channel.putObject("parameters")
                        .putObject("partnerId")
                        .put("description", "The partner organisation's id in the register, e.g. police, zvhrr");
            }
            ObjectNode channelMessages = channel.putObject("messages");
            ArrayNode operationMessages = JSON.createArrayNode();
            for (EventType type : EventType.values()) {
                if (type.topic().equals(topic)) {
                    channelMessages
                            .putObject(messageName(type))
                            .put("$ref", "#/components/messages/" + messageName(type));
                    operationMessages
                            .addObject()
                            .put("$ref", "#/channels/" + channelName + "/messages/" + messageName(type));
                }
            }
            ObjectNode operation = operations.putObject(partner ? "receivePartnerStream" : "send-" + topic);
            operation.put("action", partner ? "receive" : "send");
            operation.putObject("channel").put("$ref", "#/channels/" + channelName);
            operation.put(
                    "summary",
                    partner
                            ? "A partner system reads its own stream"
                            : "The " + writer + " publishes through its outbox");
            operation.set("messages", operationMessages);
        }
        return doc;
    }

    /** The messages' key: the CloudEvents type without the common prefix, e.g. incident.reported.v1. */
    static String messageName(EventType type) {
        return type.cloudEventType().substring("nl.rotterdam.schoolsafe.".length());
    }

    private static void server(ObjectNode servers, String name, String host, String description) {
        ObjectNode server = servers.putObject(name);
        server.put("host", host);
        server.put("protocol", "kafka");
        server.put("description", description);
        server.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scram");
    }

    private static ObjectNode schemas(Iterable<Class<?>> payloads) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                        SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
                .with(Option.DEFINITION_FOR_MAIN_SCHEMA)
                .with(Option.PLAIN_DEFINITION_KEYS)
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral()
                .withAdditionalPropertiesResolver(scope -> scope.getType().isInstanceOf(Map.class) ? null : Void.class);
        // a string whose values the contract names (the same annotation the OpenAPI document reads) is an enum
        config.forFields().withEnumResolver(field -> {
            org.eclipse.microprofile.openapi.annotations.media.Schema schema =
                    field.getAnnotationConsideringFieldAndGetter(
                            org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            // on a list of strings it names the items' values, so only the string scope gets it
            return schema == null
                            || schema.enumeration().length == 0
                            || field.getType().getErasedType() != String.class
                    ? null
                    : List.of(schema.enumeration());
        });
        SchemaBuilder builder = new SchemaGenerator(config.build()).buildMultipleSchemaDefinitions();
        for (Class<?> payload : payloads) {
            builder.createSchemaReference(payload);
        }
        return builder.collectDefinitions("components/schemas");
    }

    private static void cloudEventHeaders(ObjectNode headers) {
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 attributes in Kafka binary mode, and the W3C trace context");
        headers.putArray("required")
                .add("ce_id")
                .add("ce_source")
                .add("ce_specversion")
                .add("ce_type");
        ObjectNode properties = headers.putObject("properties");
        string(properties, "ce_id", "The event's id; also the webhook-id", "uuid");
        string(properties, "ce_source", "/schoolsafe/<service>, e.g. /schoolsafe/escalation-service", null);
        properties
                .putObject("ce_specversion")
                .put("type", "string")
                .putArray("enum")
                .add("1.0");
        ObjectNode type = properties.putObject("ce_type");
        type.put("type", "string");
        ArrayNode names = type.putArray("enum");
        Arrays.stream(EventType.values()).forEach(t -> names.add(t.cloudEventType()));
        string(properties, "ce_subject", "The aggregate the event is about", null);
        string(properties, "ce_time", "When it happened", "date-time");
        string(properties, "ce_dataschema", "This payload's schema in this document", "uri");
        string(properties, "content-type", "application/json", null);
        string(properties, "traceparent", "W3C trace context of the request that caused it", null);
    }

    private static void string(ObjectNode properties, String name, String description, String format) {
        ObjectNode property = properties.putObject(name);
        property.put("type", "string");
        property.put("description", description);
        if (format != null) {
            property.put("format", format);
        }
    }
}
