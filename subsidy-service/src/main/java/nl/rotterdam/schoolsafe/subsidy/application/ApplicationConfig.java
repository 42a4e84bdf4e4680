package nl.rotterdam.schoolsafe.subsidy.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The decision rules' settings, per deployment (application.properties). */
@ConfigMapping(prefix = "schoolsafe.subsidy.application")
public interface ApplicationConfig {
    /** Extra security answers a rise: the incidents of this window are compared with those of the window before. */
    @WithDefault("P90D")
    Duration trendWindow();
}
