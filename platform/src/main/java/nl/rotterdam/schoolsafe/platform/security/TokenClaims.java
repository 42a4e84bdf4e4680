package nl.rotterdam.schoolsafe.platform.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The claims of a verified token, read once and strictly: {@code role} one string naming a known
 * role, {@code school_location_ids} an array of strings, the tenant claims strings, a {@code kid}
 * in the header, a bounded lifetime and no {@code iat} from the future. Anything else makes the
 * token invalid (a 401), never a 500 and never a wider privilege such as the union of two roles.
 */
public record TokenClaims(
        String subject,
        Role role,
        Set<String> schoolLocationIds,
        Optional<String> boardId,
        Optional<String> area,
        Optional<String> partner) {

    /** A token that is signed correctly but says something it may not. */
    public static final class InvalidToken extends RuntimeException {
        InvalidToken(String reason) {
            super(reason);
        }
    }

    public static TokenClaims of(JsonWebToken token, Instant now, Duration maxLifetime, Duration clockSkew) {
        List<String> problems = new ArrayList<>();
        if (!hasKeyId(token.getRawToken())) {
            problems.add("the header names no kid");
        }
        long issuedAt = token.getIssuedAtTime();
        long expires = token.getExpirationTime();
        if (issuedAt <= 0) {
            problems.add("iat is missing");
        } else {
            if (Instant.ofEpochSecond(issuedAt).isAfter(now.plus(clockSkew))) {
                problems.add("iat is in the future");
            }
            if (expires - issuedAt > maxLifetime.toSeconds()) {
                problems.add("lives longer than " + maxLifetime);
            }
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            problems.add("sub is missing");
        }
        Role role = role(token.getClaim(Claims.ROLE), problems);
        Set<String> locations =
                strings(token.getClaim(Claims.SCHOOL_LOCATION_IDS), Claims.SCHOOL_LOCATION_IDS, problems);
        Optional<String> board = string(token.getClaim(Claims.BOARD_ID), Claims.BOARD_ID, problems);
        Optional<String> area = string(token.getClaim(Claims.AREA), Claims.AREA, problems);
        Optional<String> partner = string(token.getClaim(Claims.PARTNER), Claims.PARTNER, problems);
        if (!problems.isEmpty()) {
            throw new InvalidToken(String.join("; ", problems));
        }
        return new TokenClaims(subject, role, locations, board, area, partner);
    }

    /** The tenant claim this role acts within, when the token lacks it: such a caller may do nothing (a 403). */
    public Optional<String> missingTenant() {
        return switch (role) {
            case SCHOOL_STAFF, SAFETY_COORDINATOR ->
                schoolLocationIds.isEmpty() ? Optional.of(Claims.SCHOOL_LOCATION_IDS) : Optional.empty();
            case BOARD -> boardId.isEmpty() ? Optional.of(Claims.BOARD_ID) : Optional.empty();
            case SAFETY_EXPERT -> area.isEmpty() ? Optional.of(Claims.AREA) : Optional.empty();
            case PARTNER -> partner.isEmpty() ? Optional.of(Claims.PARTNER) : Optional.empty();
            case MUNICIPALITY, COMPULSORY_EDUCATION_OFFICER, ADMIN, SERVICE -> Optional.empty();
        };
    }

    private static Role role(Object claim, List<String> problems) {
        Optional<String> name = string(claim, Claims.ROLE, problems);
        if (name.isEmpty()) {
            if (claim == null) {
                problems.add("role is missing");
            }
            return null;
        }
        try {
            return Role.valueOf(name.get());
        } catch (IllegalArgumentException e) {
            problems.add("role is not one of " + Arrays.toString(Role.values()));
            return null;
        }
    }

    private static Optional<String> string(Object claim, String name, List<String> problems) {
        if (claim == null) {
            return Optional.empty();
        }
        if (claim instanceof String text) {
            return Optional.of(text);
        }
        if (claim instanceof JsonString text) {
            return Optional.of(text.getString());
        }
        problems.add(name + " must be one string");
        return Optional.empty();
    }

    private static Set<String> strings(Object claim, String name, List<String> problems) {
        if (claim == null) {
            return Set.of();
        }
        Collection<?> values = claim instanceof JsonArray array ? array : claim instanceof Collection<?> c ? c : null;
        if (values == null) {
            problems.add(name + " must be an array of strings");
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (Object value : values) {
            if (value instanceof JsonString text) {
                result.add(text.getString());
            } else if (value instanceof String text && !(values instanceof JsonArray)) {
                result.add(text);
            } else {
                problems.add(name + " must be an array of strings");
                return Set.of();
            }
        }
        return Set.copyOf(result);
    }

    private static boolean hasKeyId(String rawToken) {
        if (rawToken == null || rawToken.indexOf('.') < 0) {
            return false;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(
                Base64.getUrlDecoder().decode(rawToken.substring(0, rawToken.indexOf('.'))),
                StandardCharsets.UTF_8)))) {
            JsonObject header = reader.readObject();
            JsonValue kid = header.get("kid");
            return kid instanceof JsonString text && !text.getString().isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
