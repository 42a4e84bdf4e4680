package nl.rotterdam.schoolsafe.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once rather than on every request: a client sends one token for its whole session, and the
 * RS256 check with the parsing of its claims was about a third of a registration's CPU in a service (#22). A
 * verified token is kept by its exact text for {@link TokenConfig#verifiedFor()} ({@link KnownTokens}); every
 * request still goes through {@link StrictClaims}, the role checks and tenancy. A token that fails is never kept,
 * so a forged one costs a full verification each time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {
    private final KnownTokens known;

    @Inject
    VerifiedTokens(JWTAuthContextInfo context, JWTCallerPrincipalFactory principals, TokenConfig config) {
        this(context, principals, new KnownTokens(config.verifiedFor(), config.verifiedKept()));
    }

    VerifiedTokens(JWTAuthContextInfo context, JWTCallerPrincipalFactory principals, KnownTokens known) {
        super(context, principals);
        this.known = known;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return known.verified(token, super::parse);
    }
}
