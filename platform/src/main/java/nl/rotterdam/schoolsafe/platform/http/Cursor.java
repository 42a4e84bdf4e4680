package nl.rotterdam.schoolsafe.platform.http;

import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** An opaque cursor over a stable sort key, e.g. (occurredAt, id). */
public final class Cursor {
    private static final String SEPARATOR = "|";

    private Cursor() {
    }

    public static String encode(String... keys) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor this service issued; anything else is a 400 on {@code cursor}. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = List.of(decoded.split("\\" + SEPARATOR, -1));
            if (keys.size() != parts) {
                throw new IllegalArgumentException("wrong number of keys");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API issued");
        }
    }
}
