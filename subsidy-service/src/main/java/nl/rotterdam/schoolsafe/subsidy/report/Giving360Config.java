package nl.rotterdam.schoolsafe.subsidy.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

/**
 * The publisher's identifiers in the 360Giving export. Production sets the municipality's registered
 * 360Giving prefix and its organisation identifier (org-id.guide, e.g. its Chamber of Commerce number as
 * {@code NL-KVK-…}); the defaults are the prefix's own internal form, which the standard allows.
 */
@ConfigMapping(prefix = "schoolsafe.subsidy.giving360")
public interface Giving360Config {
    /** The 360Giving prefix every grant and unregistered recipient identifier starts with. */
    @WithDefault("360G-rotterdam-schoolsafe")
    @Pattern(regexp = "360G-[A-Za-z0-9-]+")
    String prefix();

    /** The funder's organisation identifier. */
    @WithDefault("360G-rotterdam-schoolsafe-municipality")
    @Pattern(regexp = "[A-Z0-9]{2,}-[A-Za-z0-9-]+")
    String funderId();

    @WithDefault("Gemeente Rotterdam")
    String funderName();
}
