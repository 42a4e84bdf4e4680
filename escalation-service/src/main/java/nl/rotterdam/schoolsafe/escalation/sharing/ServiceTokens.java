package nl.rotterdam.schoolsafe.escalation.sharing;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import nl.rotterdam.schoolsafe.escalation.EscalationConfig;
import nl.rotterdam.schoolsafe.platform.security.Claims;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's own short-lived token (role SERVICE) for calls to other services, re-minted
 * shortly before it expires. Its times are real time, not the service's business clock: the
 * receiver checks {@code iat} and {@code exp} against its own clock.
 */
@ApplicationScoped
public class ServiceTokens {
    private record Minted(String token, Instant expiresAt) {}

    private final String service;
    private final String issuer;
    private final String audience;
    private final String keyId;
    private final Duration lifespan;
    private volatile Minted current;

    ServiceTokens(
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience,
            EscalationConfig config) {
        this.service = service;
        this.issuer = issuer;
        this.audience = audience;
        this.keyId = config.serviceToken().keyId();
        this.lifespan = config.serviceToken().lifespan();
    }

    public String bearer() {
        Instant now = Instant.now();
        Minted minted = current;
        if (minted == null || minted.expiresAt().minus(lifespan.dividedBy(5)).isBefore(now)) {
            Instant expiresAt = now.plus(lifespan);
            minted = new Minted(
                    Jwt.issuer(issuer)
                            .audience(audience)
                            .subject(service)
                            .claim(Claims.ROLE, Role.SERVICE.name())
                            .issuedAt(now)
                            .expiresAt(expiresAt)
                            .jws()
                            .keyId(keyId)
                            .sign(),
                    expiresAt);
            current = minted;
        }
        return "Bearer " + minted.token();
    }
}
