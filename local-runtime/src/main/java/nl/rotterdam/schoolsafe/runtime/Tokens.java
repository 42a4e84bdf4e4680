package nl.rotterdam.schoolsafe.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Mints RS256 tokens with the claims of docs/architecture.md §4, as the local stand-in for an OIDC provider. */
public final class Tokens {
    public static final String ISSUER = "https://schoolsafe.rotterdam.nl/local";
    public static final String AUDIENCE = "schoolsafe";
    /** Where tests keep their key pair, relative to the module being tested. */
    public static final Path TEST_KEYS = Path.of("target", "test-keys");

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final String keyId;

    public Tokens(SigningKeys keys) {
        this(keys, ISSUER, AUDIENCE, SigningKeys.KEY_ID);
    }

    /** An issuer with other claims or key id, e.g. to prove a foreign issuer, audience or kid is refused. */
    public Tokens(SigningKeys keys, String issuer, String audience, String keyId) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.keyId = keyId;
    }

    public static Tokens forTests() {
        return new Tokens(SigningKeys.loadOrCreate(TEST_KEYS));
    }

    /** Who a token speaks for: the role and the tenant claims that apply to it. */
    public record Holder(
            String subject,
            String role,
            List<String> schoolLocationIds,
            Optional<String> boardId,
            Optional<String> area,
            Optional<String> partner) {

        public static Holder school(String subject, String role, String... schoolLocationIds) {
            return new Holder(
                    subject, role, List.of(schoolLocationIds), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static Holder board(String subject, String boardId) {
            return new Holder(subject, "BOARD", List.of(), Optional.of(boardId), Optional.empty(), Optional.empty());
        }

        public static Holder expert(String subject, String area) {
            return new Holder(
                    subject, "SAFETY_EXPERT", List.of(), Optional.empty(), Optional.of(area), Optional.empty());
        }

        public static Holder partner(String subject, String partner) {
            return new Holder(subject, "PARTNER", List.of(), Optional.empty(), Optional.empty(), Optional.of(partner));
        }

        public static Holder of(String subject, String role) {
            return new Holder(subject, role, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public String mint(Holder holder, Duration validity) {
        return sign(claims(holder, validity), true);
    }

    /** The claims {@link #mint} signs, for a test that bends one of them. */
    public JwtClaims claims(Holder holder, Duration validity) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(holder.subject());
        claims.setGeneratedJwtId();
        claims.setIssuedAtToNow();
        claims.setNotBeforeMinutesInThePast(Math.max(1, -validity.toMinutes() + 1));
        claims.setExpirationTimeMinutesInTheFuture(validity.toMinutes());
        claims.setClaim("role", holder.role());
        if (!holder.schoolLocationIds().isEmpty()) {
            claims.setStringListClaim("school_location_ids", holder.schoolLocationIds());
        }
        holder.boardId().ifPresent(v -> claims.setClaim("board_id", v));
        holder.area().ifPresent(v -> claims.setClaim("area", v));
        holder.partner().ifPresent(v -> claims.setClaim("partner", v));
        return claims;
    }

    /** Signs any claims with the issuer's key; without the key id only to prove such a token is refused. */
    public String sign(JwtClaims claims, boolean withKeyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        if (withKeyId) {
            jws.setKeyIdHeaderValue(keyId);
        }
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    public String mint(Holder holder) {
        return mint(holder, Duration.ofMinutes(15));
    }
}
