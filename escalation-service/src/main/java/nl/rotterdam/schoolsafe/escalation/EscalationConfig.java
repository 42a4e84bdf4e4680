package nl.rotterdam.schoolsafe.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
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

    Expulsions expulsions();

    interface ResponseTimes {
        Duration critical();

        Duration high();

        Duration medium();
    }

    /** The worrying signal of council answer 26: several expulsions at one location within a short time. */
    interface Expulsions {
        /** How many expulsions within the window make a signal. */
        @WithDefault("3")
        int signalThreshold();

        @WithDefault("P90D")
        Period signalWindow();
    }

    interface Engagement {
        /** How long a partner has to accept an engagement before it escalates a level. */
        Duration acknowledgeWithin();
    }
}
