package nl.rotterdam.schoolsafe.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Collects every problem Jackson meets while reading one request body instead of stopping at the
 * first, so a client learns all its bad fields at once. Active only around a request body read.
 */
public final class BodyProblems extends DeserializationProblemHandler {
    private static final ThreadLocal<List<Problem.FieldError>> COLLECTED = new ThreadLocal<>();

    static void start() {
        COLLECTED.set(new ArrayList<>());
    }

    static List<Problem.FieldError> finish() {
        List<Problem.FieldError> errors = Optional.ofNullable(COLLECTED.get()).orElse(List.of());
        COLLECTED.remove();
        return errors;
    }

    private static boolean collecting() {
        return COLLECTED.get() != null;
    }

    private static void add(JsonParser parser, String message) {
        COLLECTED.get().add(new Problem.FieldError(path(parser.getParsingContext()), message));
    }

    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext ctxt,
            JsonParser p,
            JsonDeserializer<?> deserializer,
            Object beanOrClass,
            String propertyName)
            throws IOException {
        if (!collecting()) {
            return false;
        }
        add(p, "is not a known field and may not be set");
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(
            DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg) {
        if (!collecting()) {
            return NOT_HANDLED;
        }
        add(ctxt.getParser(), expectation(targetType));
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(
            DeserializationContext ctxt, Class<?> targetType, Number valueToConvert, String failureMsg) {
        if (!collecting()) {
            return NOT_HANDLED;
        }
        add(ctxt.getParser(), expectation(targetType));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(
            DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
            throws IOException {
        if (!collecting() || targetType.isPrimitive()) {
            return NOT_HANDLED;
        }
        add(p, expectation(targetType.getRawClass()));
        p.skipChildren();
        return null;
    }

    @Override
    public Object handleMissingInstantiator(
            DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsta, JsonParser p, String msg)
            throws IOException {
        if (!collecting()) {
            return NOT_HANDLED;
        }
        add(p, expectation(instClass));
        p.skipChildren();
        return null;
    }

    static String expectation(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "OffsetDateTime", "ZonedDateTime", "Instant" ->
                "must be an ISO 8601 date-time with a zone, e.g. 2026-11-20T10:15:00+01:00";
            case "LocalDate" -> "must be an ISO 8601 date, e.g. 2026-11-20";
            case "UUID" -> "must be a UUID";
            case "String" -> "must be a string";
            case "Integer", "Long", "int", "long", "short", "Short" -> "must be a whole number";
            case "Double", "double", "Float", "float", "BigDecimal" -> "must be a number";
            case "Boolean", "boolean" -> "must be true or false";
            default -> List.class.isAssignableFrom(type) ? "must be an array" : "has the wrong type or format";
        };
    }
}
