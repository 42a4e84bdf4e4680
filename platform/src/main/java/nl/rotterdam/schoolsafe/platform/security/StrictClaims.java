package nl.rotterdam.schoolsafe.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Refuses a verified token whose claims are malformed before any role check sees its groups. */
@ApplicationScoped
public class StrictClaims implements SecurityIdentityAugmentor {
    private final TokenConfig config;

    StrictClaims(TokenConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        try {
            TokenClaims.of(token, Clock.systemUTC().instant(), config.maxLifetime(), config.clockSkew());
            return Uni.createFrom().item(identity);
        } catch (TokenClaims.InvalidToken e) {
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage()));
        }
    }
}
