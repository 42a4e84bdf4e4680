package nl.rotterdam.schoolsafe.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling and which tenant they belong to, read once and strictly from the verified token. */
@RequestScoped
public class Caller {
    private final JsonWebToken token;
    private final TokenConfig config;
    private TokenClaims claims;

    Caller(JsonWebToken token, TokenConfig config) {
        this.token = token;
        this.config = config;
    }

    private TokenClaims claims() {
        if (claims == null) {
            try {
                claims = TokenClaims.of(token, Clock.systemUTC().instant(), config.maxLifetime(), config.clockSkew());
            } catch (TokenClaims.InvalidToken e) {
                throw new AuthenticationFailedException(e.getMessage());
            }
        }
        return claims;
    }

    public String subject() {
        return claims().subject();
    }

    public Role role() {
        return claims().role();
    }

    public Set<String> schoolLocationIds() {
        return claims().schoolLocationIds();
    }

    public Optional<String> boardId() {
        return claims().boardId();
    }

    public Optional<String> area() {
        return claims().area();
    }

    public Optional<String> partner() {
        return claims().partner();
    }

    public boolean worksAt(String schoolLocationId) {
        return schoolLocationIds().contains(schoolLocationId);
    }
}
