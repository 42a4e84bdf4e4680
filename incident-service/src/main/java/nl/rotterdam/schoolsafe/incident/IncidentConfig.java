package nl.rotterdam.schoolsafe.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

/**
 * The incident-service's own settings. Two keep the names they had outside this prefix; a prefix
 * of plain {@code schoolsafe} would claim every {@code schoolsafe.*} property of the suite.
 */
@ConfigMapping(prefix = "schoolsafe.incident")
public interface IncidentConfig {
    /** The HMAC key of student pseudonyms, at least 32 characters; set as {@code schoolsafe.pseudonym.secret}. */
    @WithDefault("${schoolsafe.pseudonym.secret}")
    String pseudonymSecret();

    /** How long a school has to notify the Inspectorate of a suspension or expulsion, e.g. {@code P5D}. */
    Period inspectorateNotificationWithin();

    /** The smallest count the statistics publish, smaller cells are suppressed; set as {@code schoolsafe.statistics.minimum-cell}. */
    @WithDefault("${schoolsafe.statistics.minimum-cell:5}")
    int statisticsMinimumCell();

    /** How many pseudonym look-ups one caller may make a minute, in this instance. */
    @WithDefault("30")
    int pseudonymLookUpsPerMinute();
}
