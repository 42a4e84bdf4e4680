package nl.rotterdam.schoolsafe.escalation.sharing;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.platform.security.Claims;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * This service's own short-lived token (role SERVICE) for calls to other services, re-minted
 * shortly before it expires.
 */
@ApplicationScoped
public class ServiceTokens {
    private record Minted(String token, Instant expiresAt) {
    }

    private final String service;
    private final String issuer;
    private final String audience;
    private final String keyId;
    private final Duration lifespan;
    private final Clock clock;
    private volatile Minted current;

    ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String service,
                  @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                  @ConfigProperty(name = "mp.jwt.verify.audiences") String audience,
                  @ConfigProperty(name = "schoolsafe.service-token.key-id") String keyId,
                  @ConfigProperty(name = "schoolsafe.service-token.lifespan") Duration lifespan,
                  Clock clock) {
        this.service = service;
        this.issuer = issuer;
        this.audience = audience;
        this.keyId = keyId;
        this.lifespan = lifespan;
        this.clock = clock;
    }

    public String bearer() {
        Instant now = clock.instant();
        Minted minted = current;
        if (minted == null || minted.expiresAt().minus(lifespan.dividedBy(5)).isBefore(now)) {
            Instant expiresAt = now.plus(lifespan);
            minted = new Minted(Jwt.issuer(issuer).audience(audience).subject(service).claim(Claims.ROLE, Role.SERVICE.name())
                    .issuedAt(now).expiresAt(expiresAt).jws().keyId(keyId).sign(), expiresAt);
            current = minted;
        }
        return "Bearer " + minted.token();
    }
}
