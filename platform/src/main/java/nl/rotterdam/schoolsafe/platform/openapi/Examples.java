package nl.rotterdam.schoolsafe.platform.openapi;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * What a generated client and the reference show a caller: a description for every parameter (the services' shared
 * ones named here once) and an example for every request body, assembled from its fields' own examples. Spectral's
 * oas3-valid-media-example checks each example against its schema.
 */
final class Examples {
    private static final Map<String, String> PARAMETERS = parameters();

    private Examples() {}

    private static Map<String, String> parameters() {
        Map<String, String> described = new LinkedHashMap<>();
        described.put("incidentId", "Id of the incident (melding)");
        described.put("measureId", "Id of the follow-up measure (maatregel)");
        described.put("escalationId", "Id of the escalation case (casus)");
        described.put("engagementId", "Id of the partner engagement (inzet)");
        described.put("subscriptionId", "Id of your webhook subscription");
        described.put("deliveryId", "Id of the webhook delivery (the webhook-id header)");
        described.put("sessionId", "Id of the expert session (expertsessie)");
        described.put("registrationId", "Id of the registration (aanmelding)");
        described.put("offeringId", "Id of the offering in the safety offer (aanbod)");
        described.put("allocationId", "Id of the allocation round (verdeling)");
        described.put("applicationId", "Id of the subsidy application (aanvraag)");
        described.put("programmeId", "Id of the subsidy programme (regeling) of a school year");
        described.put("boardId", "Id of the school board (schoolbestuur), e.g. boor");
        described.put("partnerId", "Id of the partner in the register, e.g. police");
        described.put("schoolLocationId", "The school location (vestiging): BRIN and location number, e.g. 30BR01");
        described.put("schoolYear", "School year (schooljaar), starting 1 August, e.g. 2026-2027");
        described.put("measureNumber", "Number of the action plan's measure (maatregel), 1 to 13");
        described.put("limit", "Page size");
        return Map.copyOf(described);
    }

    /** Describes each parameter the operation left without a description. */
    static void describe(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getDescription() != null
                    && !parameter.getDescription().isBlank()) {
                continue;
            }
            String known = PARAMETERS.get(parameter.getName());
            if (known != null) {
                parameter.setDescription(known);
            } else if (parameter.getIn() == Parameter.In.QUERY) {
                parameter.setDescription("Only those with this " + words(parameter.getName()));
            }
        }
    }

    /**
     * Gives each JSON request body, and each success body, without an example one assembled from its schema's
     * fields: the required ones and those with an example of their own. An answer's example is a named component
     * ({@code <operationId><status>}) the media type refers to, so that it stays out of the paths the API Design
     * Rules' checks walk.
     */
    static void exemplify(Operation operation, Components components) {
        Map<String, Schema> named = components.getSchemas() == null ? Map.of() : components.getSchemas();
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            for (MediaType media :
                    operation.getRequestBody().getContent().getMediaTypes().values()) {
                if (unexemplified(media)) {
                    example(media.getSchema(), named, 0).ifPresent(media::setExample);
                }
            }
        }
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null || operation.getOperationId() == null) {
                return;
            }
            for (MediaType media : response.getContent().getMediaTypes().values()) {
                if (unexemplified(media)) {
                    String name = operation.getOperationId() + status;
                    example(media.getSchema(), named, 0).ifPresent(value -> {
                        components.addExample(name, OASFactory.createExample().value(value));
                        media.addExample("answer", OASFactory.createExample().ref("#/components/examples/" + name));
                    });
                }
            }
        });
    }

    private static boolean unexemplified(MediaType media) {
        return media.getExample() == null
                && (media.getExamples() == null || media.getExamples().isEmpty());
    }

    private static Optional<Object> example(Schema schema, Map<String, Schema> named, int depth) {
        if (schema == null || depth > 6) {
            return Optional.empty();
        }
        if (schema.getRef() != null) {
            Optional<Object> own = given(schema);
            return own.isPresent()
                    ? own
                    : example(
                            named.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)),
                            named,
                            depth + 1);
        }
        Optional<Object> own = given(schema);
        if (own.isPresent()) {
            return own;
        }
        if (schema.getEnumeration() != null) {
            return schema.getEnumeration().stream().filter(v -> v != null).findFirst();
        }
        if (schema.getAnyOf() != null) {
            return schema.getAnyOf().stream()
                    .map(s -> example(s, named, depth + 1))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.OBJECT) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    Optional<Object> value = example(property, named, depth + 1);
                    if (value.isPresent() && (required.contains(name) || hasOwnExample(property, named))) {
                        object.put(name, value.get());
                    }
                });
            }
            return required.stream().allMatch(object::containsKey) ? Optional.of(object) : Optional.empty();
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            return example(schema.getItems(), named, depth + 1).map(List::of);
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return Optional.of(false);
        }
        if (types.contains(Schema.SchemaType.INTEGER) || types.contains(Schema.SchemaType.NUMBER)) {
            BigDecimal minimum = schema.getMinimum();
            return Optional.of(
                    minimum == null || minimum.signum() < 0
                            ? 1
                            : minimum.max(BigDecimal.ONE).longValue());
        }
        return Optional.empty();
    }

    private static boolean hasOwnExample(Schema property, Map<String, Schema> named) {
        if (given(property).isPresent()) {
            return true;
        }
        if (property.getAnyOf() != null) {
            return property.getAnyOf().stream().anyMatch(s -> hasOwnExample(s, named));
        }
        return property.getItems() != null && hasOwnExample(property.getItems(), named);
    }

    private static Optional<Object> given(Schema schema) {
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return Optional.ofNullable(schema.getExamples().get(0));
        }
        return Optional.ofNullable(schema.getExample());
    }

    private static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
