package nl.rotterdam.schoolsafe.incident.pseudonym;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.rotterdam.schoolsafe.incident.IncidentConfig;

/**
 * Keyed pseudonyms (HMAC-SHA256 with the platform secret) for student identifiers. The same
 * student yields the same pseudonym at every school; without the secret nothing reverses it.
 */
@ApplicationScoped
public class Pseudonymizer {
    private static final int MIN_SECRET_LENGTH = 32;
    private final SecretKeySpec key;

    Pseudonymizer(IncidentConfig config) {
        String secret = config.pseudonymSecret();
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "schoolsafe.pseudonym.secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public Pseudonym of(StudentNumber student) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(student.value().getBytes(StandardCharsets.UTF_8));
            return new Pseudonym("ps-" + HexFormat.of().formatHex(digest, 0, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A student's education number as the school enters it; normalised, never stored or logged. */
    public record StudentNumber(String value) {
        public StudentNumber {
            value = value.strip().toUpperCase(Locale.ROOT);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("a student number must not be blank");
            }
        }

        @Override
        public String toString() {
            return "StudentNumber[redacted]";
        }
    }

    public record Pseudonym(String value) {
        public Pseudonym {
            if (!value.matches("ps-[0-9a-f]{32}")) {
                throw new IllegalArgumentException("not a pseudonym");
            }
        }
    }
}
