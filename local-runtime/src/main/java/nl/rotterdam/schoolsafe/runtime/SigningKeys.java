package nl.rotterdam.schoolsafe.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The local token issuer's RSA key pair, generated on first start and kept in the data folder
 * (never committed). Services verify with the public half; locally the escalation-service also signs
 * its service tokens with the private half, where production uses the OIDC provider's client credentials.
 */
public record SigningKeys(
        PrivateKey privateKey, PublicKey publicKey, Path privateKeyFile, Path publicKeyFile, Path jwksFile) {
    /** The key id tokens name and the published key set carries; a token naming another kid is refused. */
    public static final String KEY_ID = "schoolsafe-local-1";

    private static final String PRIVATE = "signing-key.pem";
    private static final String PUBLIC = "signing-key.pub.pem";
    private static final String JWKS = "jwks.json";

    public static SigningKeys loadOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE);
            Path publicFile = dir.resolve(PUBLIC);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(
                        privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privateFile))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicFile))));
            Path jwksFile = dir.resolve(JWKS);
            if (!Files.exists(jwksFile)) {
                RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) publicKey);
                jwk.setKeyId(KEY_ID);
                jwk.setAlgorithm("RS256");
                jwk.setUse("sig");
                Files.writeString(jwksFile, new JsonWebKeySet(jwk).toJson());
            }
            return new SigningKeys(
                    privateKey,
                    publicKey,
                    privateFile.toAbsolutePath(),
                    publicFile.toAbsolutePath(),
                    jwksFile.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the signing keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not create the signing keys", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
