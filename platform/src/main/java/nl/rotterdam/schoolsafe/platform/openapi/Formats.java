package nl.rotterdam.schoolsafe.platform.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The shapes of the identifiers and codes every service names the same way (a school location id is always a BRIN
 * and a location number, a pseudonym always ps- and 32 hex digits …), stated once and given to each string field or
 * parameter of that name that states no format, pattern or enum of its own. A client can then check an id before
 * sending it, and the OWASP ruleset's string-restricted rule holds.
 */
final class Formats {
    private static final String REGISTER_ID = "^[a-z0-9][a-z0-9-]{0,39}$";
    private static final String SCHOOL_LOCATION = "^[0-9]{2}[A-Z0-9]{2}[0-9]{2}$";
    private static final String CURSOR = "^[A-Za-z0-9_-]+$";
    private static final String YEAR_MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    /** An ETag as the services write it: the aggregate's version, quoted. */
    static final String ETAG = "^\"[0-9]+\"$";

    private static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("schoolLocationId", SCHOOL_LOCATION),
            Map.entry("schools", SCHOOL_LOCATION),
            Map.entry("boardId", REGISTER_ID),
            Map.entry("partnerId", REGISTER_ID),
            Map.entry("district", REGISTER_ID),
            Map.entry("pseudonym", "^ps-[0-9a-f]{32}$"),
            Map.entry("dataSubject", "^ps-[0-9a-f]{32}$"),
            Map.entry("schoolYear", "^[0-9]{4}-[0-9]{4}$"),
            Map.entry("brin", "^[0-9]{2}[A-Z0-9]{2}$"),
            Map.entry("locationNumber", "^[0-9]{2}$"),
            // the W3C traceparent the record was written under (version, trace id, span id, flags)
            Map.entry("traceId", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$"),
            Map.entry("cursor", CURSOR),
            Map.entry("nextCursor", CURSOR),
            Map.entry("recentFrom", YEAR_MONTH),
            Map.entry("recentTo", YEAR_MONTH),
            Map.entry("previousFrom", YEAR_MONTH),
            Map.entry("previousTo", YEAR_MONTH),
            Map.entry("currency", "^[A-Z]{3}$"),
            Map.entry("If-Match", ETAG));

    private static final Map<String, String> FORMATS = Map.of(
            "callbackUrl", "uri",
            "website", "uri",
            "onlineLink", "uri",
            "caseId", "uuid");

    private Formats() {}

    /** Gives the known shape to each property (and each list's items) of the schema, and below. */
    static void shape(Schema schema) {
        if (schema == null || schema.getRef() != null) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                apply(name, property);
                apply(name, property.getItems());
                shape(property);
            });
        }
        shape(schema.getItems());
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(Formats::shape);
            }
        }
    }

    static void shape(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                apply(parameter.getName(), parameter.getSchema());
                if (parameter.getSchema() != null) {
                    apply(parameter.getName(), parameter.getSchema().getItems());
                }
            }
        }
    }

    private static void apply(String name, Schema schema) {
        if (schema == null
                || schema.getType() == null
                || !schema.getType().contains(Schema.SchemaType.STRING)
                || schema.getFormat() != null
                || schema.getPattern() != null
                || schema.getEnumeration() != null) {
            return;
        }
        if (PATTERNS.containsKey(name)) {
            schema.setPattern(PATTERNS.get(name));
        } else if (FORMATS.containsKey(name)) {
            schema.setFormat(FORMATS.get(name));
        }
    }
}
