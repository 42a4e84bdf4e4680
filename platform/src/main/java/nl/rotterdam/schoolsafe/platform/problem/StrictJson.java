package nl.rotterdam.schoolsafe.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Collection;

/**
 * JSON read as written, within the bounds the published document states (text of at most 4,000
 * characters, arrays of at most 200 items, where a schema names no tighter bound): trailing content, duplicate keys, numbers for enums, strings for numbers
 * or booleans, numbers for strings, single values for arrays, NUL characters and unpaired
 * surrogates are refused (a 400 naming the field), never guessed at.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    static final String BAD_CHARACTERS = "must not contain NUL characters or unpaired surrogates";
    static final int MAX_TEXT = 4000;
    static final int MAX_ITEMS = 200;
    static final String TOO_LONG = "must be at most " + MAX_TEXT + " characters";
    static final String TOO_MANY = "must have at most " + MAX_ITEMS + " items";

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("schoolsafe-strict-strings")
                .addDeserializer(String.class, new CleanStrings())
                .setDeserializerModifier(new BoundedCollections()));
    }

    /**
     * Arrays of at most {@value #MAX_ITEMS} items, the bound the published document states where no
     * tighter one is named; dates and times only as ISO 8601 strings (not epoch numbers or
     * {@code [2026,11,20]} arrays), kept to the microseconds PostgreSQL stores, so an answer built
     * before the commit equals one read back later.
     */
    static final class BoundedCollections extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(
                DeserializationConfig config,
                CollectionType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new Bounded(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return Temporal.class.isAssignableFrom(type) ? new IsoText(deserializer, type) : deserializer;
        }
    }

    static final class IsoText extends DelegatingDeserializer {
        private final Class<?> type;

        IsoText(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new IsoText(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, parser);
            }
            Object value = super.deserialize(parser, context);
            if (value instanceof OffsetDateTime time) {
                return time.truncatedTo(ChronoUnit.MICROS);
            }
            if (value instanceof Instant instant) {
                return instant.truncatedTo(ChronoUnit.MICROS);
            }
            if (value instanceof ZonedDateTime zoned) {
                return zoned.truncatedTo(ChronoUnit.MICROS);
            }
            return value;
        }
    }

    static final class Bounded extends DelegatingDeserializer {
        Bounded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            if (value instanceof Collection<?> items && items.size() > MAX_ITEMS) {
                throw InvalidFormatException.from(parser, TOO_MANY, items.size(), Collection.class);
            }
            return value;
        }
    }

    /** Strings as the standard reader reads them, then refused if they hold a NUL or an unpaired surrogate. */
    static final class CleanStrings extends StdScalarDeserializer<String> {
        CleanStrings() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && !clean(value)) {
                throw InvalidFormatException.from(parser, BAD_CHARACTERS, value, String.class);
            }
            if (value != null && value.length() > MAX_TEXT) {
                throw InvalidFormatException.from(parser, TOO_LONG, value.length(), String.class);
            }
            return value;
        }

        static boolean clean(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == 0) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
