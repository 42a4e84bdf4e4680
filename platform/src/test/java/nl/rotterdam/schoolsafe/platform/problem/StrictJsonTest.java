package nl.rotterdam.schoolsafe.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    enum Decision {
        GRANT,
        REJECT
    }

    record Body(Decision decision, Long amountCents, String text, Boolean draft, List<String> tags) {}

    private static final ObjectMapper JSON = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private static Body read(String json) throws Exception {
        return JSON.readValue(json, Body.class);
    }

    @Test
    void readsPlainJsonAsWritten() throws Exception {
        Body body = read(
                "{\"decision\":\"GRANT\",\"amountCents\":100,\"text\":\"fiets 🚲\",\"draft\":true,\"tags\":[\"a\"]}");
        assertEquals(new Body(Decision.GRANT, 100L, "fiets 🚲", true, List.of("a")), body);
    }

    @Test
    void refusesContentAfterTheValue() {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> read("{\"text\":\"a\"} {}"));
        assertTrue(e.getOriginalMessage().startsWith("Trailing token"), e.getOriginalMessage());
        assertThrows(JsonParseException.class, () -> read("{\"text\":\"a\"} xyz"));
    }

    @Test
    void refusesADuplicateKey() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> read("{\"text\":\"a\",\"text\":\"b\"}"));
        assertTrue(e.getOriginalMessage().contains("Duplicate field 'text'"), e.getOriginalMessage());
    }

    @Test
    void refusesANumberForAnEnumAndAStringForANumberOrBoolean() {
        assertThrows(MismatchedInputException.class, () -> read("{\"decision\":1}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"amountCents\":\"100\"}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"amountCents\":1.5}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"draft\":\"true\"}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"text\":12}"));
        assertThrows(MismatchedInputException.class, () -> read("{\"tags\":\"a\"}"));
    }

    @Test
    void refusesNulAndUnpairedSurrogates() {
        for (String bad : List.of("a\\u0000b", "a\\uD800b", "a\\uDC00b", "a\\uD800")) {
            InvalidFormatException e =
                    assertThrows(InvalidFormatException.class, () -> read("{\"text\":\"" + bad + "\"}"), bad);
            assertEquals(StrictJson.BAD_CHARACTERS, e.getOriginalMessage());
        }
    }

    @Test
    void refusesTextAndArraysBeyondThePublishedBounds() throws Exception {
        read("{\"text\":\"" + "x".repeat(4000) + "\"}");
        InvalidFormatException text =
                assertThrows(InvalidFormatException.class, () -> read("{\"text\":\"" + "x".repeat(4001) + "\"}"));
        assertEquals(StrictJson.TOO_LONG, text.getOriginalMessage());
        String items = "\"a\",".repeat(201);
        InvalidFormatException many = assertThrows(
                InvalidFormatException.class,
                () -> read("{\"tags\":[" + items.substring(0, items.length() - 1) + "]}"));
        assertEquals(StrictJson.TOO_MANY, many.getOriginalMessage());
    }
}
