package nl.rotterdam.schoolsafe.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token whose role acts within a tenant (a board, a district, school locations, a partner) but
 * names none may do nothing: 403, before any operation could read more than it should.
 */
public class TenantRequired {
    private final CurrentIdentityAssociation identities;
    private final TokenConfig config;

    TenantRequired(CurrentIdentityAssociation identities, TokenConfig config) {
        this.identities = identities;
        this.config = config;
    }

    @ServerRequestFilter
    public Uni<Response> requireTenant() {
        return identities.getDeferredIdentity().map(identity -> {
            if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
                TokenClaims claims;
                try {
                    claims = TokenClaims.of(
                            token, Clock.systemUTC().instant(), config.maxLifetime(), config.clockSkew());
                } catch (TokenClaims.InvalidToken e) {
                    throw new AuthenticationFailedException(e.getMessage());
                }
                claims.missingTenant().ifPresent(claim -> {
                    throw new ProblemException(
                            403,
                            "tenant-claim-missing",
                            "Token names no tenant",
                            "a " + claims.role() + " token must name its " + claim,
                            List.of(),
                            Map.of("claim", claim));
                });
            }
            return null;
        });
    }
}
