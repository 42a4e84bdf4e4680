package nl.rotterdam.schoolsafe.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final String ISSUER = "https://issuer.test";
    private static final KeyPair KEYS = keys();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String subject, Instant expires) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEYS.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private VerifiedTokens tokens(Clock clock) {
        return new VerifiedTokens(
                new JWTAuthContextInfo(KEYS.getPublic(), ISSUER),
                JWTCallerPrincipalFactory.instance(),
                new KnownTokens(Duration.ofSeconds(60), 100, ticker, clock));
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    @Test
    void verifiesATokenOnceAndKnowsItOnItsNextRequest() throws Exception {
        VerifiedTokens tokens = tokens(Clock.systemUTC());
        String staff = token("staff-1", inAnHour());
        assertSame(tokens.parse(staff), tokens.parse(staff), "the second request reuses the first verification");
        assertEquals("staff-2", tokens.parse(token("staff-2", inAnHour())).getSubject());
    }

    @Test
    void keepsNoTokenThatFailsVerification() throws Exception {
        VerifiedTokens tokens = tokens(Clock.systemUTC());
        String genuine = token("staff-1", inAnHour());
        String[] parts = genuine.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertThrows(ParseException.class, () -> tokens.parse(forged), "refused again, not remembered");
    }

    @Test
    void verifiesAgainOnceTheTrustWindowHasPassed() throws Exception {
        VerifiedTokens tokens = tokens(Clock.systemUTC());
        String staff = token("staff-1", inAnHour());
        var first = tokens.parse(staff);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertNotSame(first, tokens.parse(staff));
    }

    @Test
    void neverServesATokenPastItsExpiryFromMemory() throws Exception {
        Instant expires = inAnHour();
        Clock afterExpiry = Clock.fixed(expires.plusSeconds(1), ZoneOffset.UTC);
        VerifiedTokens tokens = tokens(afterExpiry);
        String staff = token("staff-1", expires);
        var first = tokens.parse(staff);
        // the signature is checked again (and the real clock still allows it): what was kept is not handed out
        assertNotSame(first, tokens.parse(staff));
    }
}
