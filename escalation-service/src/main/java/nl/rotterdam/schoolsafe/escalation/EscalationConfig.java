package nl.rotterdam.schoolsafe.escalation;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import nl.rotterdam.schoolsafe.escalation.detection.RulesConfig;

/** This service's own settings ({@code schoolsafe.escalation.*}). */
@ConfigMapping(prefix = "schoolsafe.escalation")
public interface EscalationConfig {
    /** Response deadline per priority (docs/architecture.md §9). */
    ResponseTimes response();

    Engagement engagement();

    /** How often deadlines (case response, engagement acknowledgement) are checked; the scheduler reads it by name. */
    Duration deadlineCheck();

    RulesConfig rules();

    interface ResponseTimes {
        Duration critical();

        Duration high();

        Duration medium();
    }

    interface Engagement {
        /** How long a partner has to accept an engagement before it escalates a level. */
        Duration acknowledgeWithin();
    }
}
