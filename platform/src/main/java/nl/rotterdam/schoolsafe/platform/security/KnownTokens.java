package nl.rotterdam.schoolsafe.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens already verified, by their exact text, for a while and never past their own expiry (decision 15): the
 * services' parser and the gateway's edge keep the same window. A token whose verification fails is never kept.
 */
public final class KnownTokens {
    /** The full check a token not known yet goes through. */
    public interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> verified;
    private final Clock clock;

    public KnownTokens(Duration trustedFor, int kept) {
        this(trustedFor, kept, Ticker.systemTicker(), Clock.systemUTC());
    }

    KnownTokens(Duration trustedFor, int kept, Ticker ticker, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(trustedFor)
                .maximumSize(kept)
                .ticker(ticker)
                .build();
    }

    /** The token as verified earlier within the window, or as {@code verification} finds it now. */
    public JsonWebToken verified(String token, Verification verification) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && clock.instant().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken checked = verification.verify(token);
        verified.put(token, checked);
        return checked;
    }
}
