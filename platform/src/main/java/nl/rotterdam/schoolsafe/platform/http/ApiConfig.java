package nl.rotterdam.schoolsafe.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "schoolsafe.api")
public interface ApiConfig {
    /** The {@code API-Version} header every answer carries. */
    @WithDefault("1.0.0")
    String version();

    /** The process's name in events ({@code source}) and consumer groups; defaults to {@code quarkus.application.name}. */
    String service();
}
