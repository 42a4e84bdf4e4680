package nl.rotterdam.schoolsafe.escalation.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): {@code webhook-signature} is {@code v1,} and the
 * base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's bytes (the base64 after {@code whsec_}); one
 * signature per valid secret, separated by spaces.
 */
final class WebhookSignature {
    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static String header(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> "v1," + sign(secret, id + "." + timestamp + "." + body))
                .collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
