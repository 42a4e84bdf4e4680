package nl.rotterdam.schoolsafe.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void readsBackWhatItIssued() {
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 20, 10, 15, 0, 123_456_000, ZoneOffset.ofHours(1));
        UUID id = UUID.randomUUID();
        Cursor cursor = Cursor.decode(Cursor.encode(at, id), 2);
        assertEquals(at.toInstant(), cursor.time(0).toInstant());
        assertEquals(id, cursor.id(1));
    }

    @Test
    void refusesAnEditedOrForeignCursorNamingTheParameter() {
        String issued = Cursor.encode(OffsetDateTime.now(), UUID.randomUUID());
        String decoded = new String(Base64.getUrlDecoder().decode(issued), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(decoded.replaceFirst("^2", "1").getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[] {edited, "not-a-cursor", "", "%%%", Cursor.encode("only-one")}) {
            ProblemException e = assertThrows(
                    ProblemException.class, () -> Cursor.decode(bad, 2).time(0), bad);
            assertEquals(400, e.status());
            assertEquals("cursor", e.toProblem(null).errors().get(0).field());
        }
    }

    @Test
    void aKeysetCursorOfTheWrongShapeIsA400NotA500() {
        String wrongTypes = Cursor.encode("yesterday", "not-a-uuid");
        Map<String, Object> parameters = new HashMap<>();
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> Keyset.newestFirst("occurredAt", "id").after(wrongTypes, parameters));
        assertEquals(400, e.status());
        assertTrue(parameters.isEmpty());
    }
}
