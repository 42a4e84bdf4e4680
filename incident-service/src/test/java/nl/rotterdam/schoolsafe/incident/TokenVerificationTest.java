package nl.rotterdam.schoolsafe.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import nl.rotterdam.schoolsafe.platform.security.VerifiedTokens;
import nl.rotterdam.schoolsafe.runtime.SigningKeys;
import nl.rotterdam.schoolsafe.runtime.Tokens;
import org.junit.jupiter.api.Test;

/** The service verifies tokens itself: the gateway is not the only wall. */
@QuarkusTest
class TokenVerificationTest {
    @Inject
    JWTParser parser;

    private static final Tokens.Holder STAFF =
            Tokens.Holder.school("staff-1", "SCHOOL_STAFF", RegisterFixture.DELFSHAVEN_LYCEUM);

    private static void refused(String token) {
        given().auth()
                .oauth2(token)
                .get("/api/v1/register/districts")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://schoolsafe.rotterdam.nl/problems/unauthenticated"));
    }

    @Test
    void acceptsAValidToken() {
        given().auth()
                .oauth2(RegisterFixture.TOKENS.mint(STAFF))
                .get("/api/v1/register/districts")
                .then()
                .statusCode(200)
                .body("find { it.id == 'ijsselmonde' }.name", equalTo("IJsselmonde"));
    }

    @Test
    void verifiesATokenOnceForItsRequestsAndStillRefusesItsForgery() throws Exception {
        assertInstanceOf(VerifiedTokens.class, parser, "the service's token parser is the one that remembers");
        String token = RegisterFixture.TOKENS.mint(STAFF);
        assertSame(parser.parse(token), parser.parse(token), "verified once, then known");
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/register/districts")
                    .then()
                    .statusCode(200);
        }
        // the same claims under a signature that is not the issuer's: a known token's text is the key, not its claims
        String[] parts = token.split("\\.");
        refused(parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse());
    }

    @Test
    void refusesAnExpiredToken() {
        refused(RegisterFixture.TOKENS.mint(STAFF, Duration.ofMinutes(-5)));
    }

    @Test
    void refusesAnotherIssuerOrAudience() {
        SigningKeys keys = SigningKeys.loadOrCreate(Tokens.TEST_KEYS);
        refused(new Tokens(keys, "https://evil.example", Tokens.AUDIENCE, SigningKeys.KEY_ID).mint(STAFF));
        refused(new Tokens(keys, Tokens.ISSUER, "another-api", SigningKeys.KEY_ID).mint(STAFF));
    }

    @Test
    void refusesAnUnknownKeyId() {
        refused(new Tokens(
                        SigningKeys.loadOrCreate(Tokens.TEST_KEYS), Tokens.ISSUER, Tokens.AUDIENCE, "someone-elses-key")
                .mint(STAFF));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        refused(new Tokens(SigningKeys.loadOrCreate(Path.of("target", "foreign-keys"))).mint(STAFF));
    }

    @Test
    void refusesAnUnsignedToken() {
        String[] parts = RegisterFixture.TOKENS.mint(STAFF).split("\\.");
        String none = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        refused(none + "." + parts[1] + ".");
    }
}
