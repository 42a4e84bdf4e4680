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
}
