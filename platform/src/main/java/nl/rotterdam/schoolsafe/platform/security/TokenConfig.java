package nl.rotterdam.schoolsafe.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits on a verified token beyond its signature, the same at the gateway and in every service. */
@ConfigMapping(prefix = "schoolsafe.token")
public interface TokenConfig {
    /** The longest a token may be valid ({@code exp - iat}); the issuer's tokens are short. */
    @WithDefault("PT1H")
    Duration maxLifetime();

    /** How far the issuer's clock may run ahead of ours ({@code iat} in the future). */
    @WithDefault("PT60S")
    Duration clockSkew();

    /**
     * How long a verified token is trusted without checking its signature again, never past its own expiry: the
     * longest a token keeps passing after its signing key is withdrawn, beyond the key set's own refresh.
     */
    @WithDefault("PT60S")
    Duration verifiedFor();

    /** How many verified tokens a process keeps at most (a few kilobytes each). */
    @WithDefault("1000")
    int verifiedKept();
}
