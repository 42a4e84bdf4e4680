package nl.rotterdam.schoolsafe.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    private static DefaultJWTCallerPrincipal token(Consumer<JwtClaims> bend, String header) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("staff-1");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 900));
        claims.setClaim("role", "SCHOOL_STAFF");
        claims.setStringListClaim("school_location_ids", "30BR01");
        bend.accept(claims);
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        return new DefaultJWTCallerPrincipal(encoded + ".e30.sig", "JWT", claims);
    }

    private static TokenClaims read(Consumer<JwtClaims> bend) {
        return TokenClaims.of(
                token(bend, "{\"alg\":\"RS256\",\"kid\":\"k1\"}"), NOW, Duration.ofHours(1), Duration.ofSeconds(60));
    }

    private static String refusal(Consumer<JwtClaims> bend) {
        return assertThrows(TokenClaims.InvalidToken.class, () -> read(bend)).getMessage();
    }

    @Test
    void readsAWellFormedToken() {
        TokenClaims claims = read(c -> {});
        assertEquals(Role.SCHOOL_STAFF, claims.role());
        assertEquals(Set.of("30BR01"), claims.schoolLocationIds());
        assertTrue(claims.missingTenant().isEmpty());
    }

    @Test
    void aRoleArrayIsNoRoleAtAll() {
        assertTrue(refusal(c -> c.setStringListClaim("role", "SCHOOL_STAFF", "MUNICIPALITY"))
                .contains("role must be one string"));
        assertTrue(refusal(c -> c.setClaim("role", "GOD")).contains("role is not one of"));
        assertTrue(refusal(c -> c.unsetClaim("role")).contains("role is missing"));
    }

    @Test
    void schoolLocationIdsMustBeAnArrayOfStrings() {
        assertTrue(refusal(c -> c.setClaim("school_location_ids", List.of(30))).contains("school_location_ids"));
        assertTrue(refusal(c -> c.setClaim("school_location_ids", List.of(List.of("30BR01"))))
                .contains("school_location_ids"));
        assertTrue(refusal(c -> c.setClaim("school_location_ids", "30BR01")).contains("school_location_ids"));
        assertTrue(refusal(c -> c.setClaim("board_id", List.of("boor"))).contains("board_id must be one string"));
    }

    @Test
    void aTokenWithoutKidOrTooLongALifeOrFromTheFutureIsRefused() {
        assertThrows(
                TokenClaims.InvalidToken.class,
                () -> TokenClaims.of(
                        token(c -> {}, "{\"alg\":\"RS256\"}"), NOW, Duration.ofHours(1), Duration.ofSeconds(60)));
        assertTrue(refusal(c -> c.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 10L * 365 * 86400)))
                .contains("lives longer"));
        assertTrue(refusal(c -> c.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() + 600)))
                .contains("iat is in the future"));
        read(c -> c.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond() + 30)));
    }

    @Test
    void aRoleWithoutItsTenantClaimNamesTheMissingClaim() {
        assertEquals(
                "board_id",
                read(c -> {
                            c.setClaim("role", "BOARD");
                            c.unsetClaim("school_location_ids");
                        })
                        .missingTenant()
                        .orElseThrow());
        assertEquals(
                "school_location_ids",
                read(c -> c.unsetClaim("school_location_ids")).missingTenant().orElseThrow());
    }
}
