package nl.rotterdam.schoolsafe.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once rather than on every request: a client sends one token for its whole session, and the
 * RS256 check with the parsing of its claims was a third of a registration's CPU in a service (#22). A verified token
 * is kept by its exact text for {@link TokenConfig#verifiedFor()}, and never served past its own expiry; every
 * request still goes through {@link StrictClaims}, the role checks and tenancy. A token that fails is never kept, so
 * a forged one costs a full verification each time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {
    private final Cache<String, JsonWebToken> verified;
    private final Clock clock;

    @Inject
    VerifiedTokens(JWTAuthContextInfo context, JWTCallerPrincipalFactory principals, TokenConfig config) {
        this(
                context,
                principals,
                config.verifiedFor(),
                config.verifiedKept(),
                Ticker.systemTicker(),
                Clock.systemUTC());
    }

    VerifiedTokens(
            JWTAuthContextInfo context,
            JWTCallerPrincipalFactory principals,
            Duration verifiedFor,
            int kept,
            Ticker ticker,
            Clock clock) {
        super(context, principals);
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(verifiedFor)
                .maximumSize(kept)
                .ticker(ticker)
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && clock.instant().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken checked = super.parse(token);
        verified.put(token, checked);
        return checked;
    }
}
