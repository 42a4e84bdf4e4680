package nl.rotterdam.schoolsafe.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is calling and which tenant they belong to, read from the verified token. */
@RequestScoped
public class Caller {
    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getSubject();
    }

    public Role role() {
        return Role.valueOf(token.getClaim(Claims.ROLE));
    }

    public Set<String> schoolLocationIds() {
        Object claim = token.getClaim(Claims.SCHOOL_LOCATION_IDS);
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    public Optional<String> boardId() {
        return claim(Claims.BOARD_ID);
    }

    public Optional<String> area() {
        return claim(Claims.AREA);
    }

    public Optional<String> partner() {
        return claim(Claims.PARTNER);
    }

    public boolean worksAt(String schoolLocationId) {
        return schoolLocationIds().contains(schoolLocationId);
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        return Optional.ofNullable(value).map(String::valueOf);
    }
}
