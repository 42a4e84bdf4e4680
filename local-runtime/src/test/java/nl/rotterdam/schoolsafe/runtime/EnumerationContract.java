package nl.rotterdam.schoolsafe.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A published record names a string field's values in its {@code @Schema(enumeration)} (the OpenAPI and AsyncAPI
 * documents read it there); a service that produces or parses that field holds its enum to exactly those values.
 */
public final class EnumerationContract {
    private EnumerationContract() {}

    public static void assertNamesExactly(Class<?> record, String field, Class<? extends Enum<?>> values) {
        assertEquals(
                Arrays.stream(values.getEnumConstants()).map(Enum::name).toList(),
                enumeration(record, field),
                record.getSimpleName() + "." + field + " against " + values.getName());
    }

    public static List<String> enumeration(Class<?> record, String field) {
        try {
            Schema schema = record.getDeclaredField(field).getAnnotation(Schema.class);
            return schema == null ? List.of() : List.of(schema.enumeration());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(record.getSimpleName() + " has no " + field, e);
        }
    }
}
