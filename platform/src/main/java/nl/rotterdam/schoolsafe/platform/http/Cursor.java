package nl.rotterdam.schoolsafe.platform.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * An opaque cursor over a stable sort key, e.g. (occurredAt, id), with a check digest so an edited
 * cursor is refused rather than read as another position. Not a secret: tenancy is in the query.
 */
public final class Cursor {
    private static final String SEPARATOR = "|";

    private final List<String> keys;

    private Cursor(List<String> keys) {
        this.keys = keys;
    }

    /** Timestamps are written as UTC instants, so a cursor does not depend on an offset. */
    public static String encode(Object... keys) {
        StringBuilder text = new StringBuilder();
        for (Object key : keys) {
            text.append(key instanceof OffsetDateTime time ? time.toInstant().toString() : String.valueOf(key))
                    .append(SEPARATOR);
        }
        text.append(digest(text.toString()));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor this service issued; anything else is a 400 naming {@code cursor}. */
    public static Cursor decode(String cursor, int parts) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int check = decoded.lastIndexOf(SEPARATOR);
            if (check < 0 || !decoded.substring(check + 1).equals(digest(decoded.substring(0, check + 1)))) {
                throw notIssued();
            }
            List<String> keys = List.of(decoded.substring(0, check).split("\\" + SEPARATOR, -1));
            if (keys.size() != parts) {
                throw notIssued();
            }
            return new Cursor(keys);
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
    }

    public OffsetDateTime time(int index) {
        try {
            return Instant.parse(keys.get(index)).atOffset(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw notIssued();
        }
    }

    public java.time.LocalDate date(int index) {
        try {
            return java.time.LocalDate.parse(keys.get(index));
        } catch (RuntimeException e) {
            throw notIssued();
        }
    }

    public UUID id(int index) {
        try {
            return UUID.fromString(keys.get(index));
        } catch (RuntimeException e) {
            throw notIssued();
        }
    }

    public long number(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (RuntimeException e) {
            throw notIssued();
        }
    }

    private static ProblemException notIssued() {
        return ProblemException.invalid("cursor", "is not a cursor this API issued");
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
