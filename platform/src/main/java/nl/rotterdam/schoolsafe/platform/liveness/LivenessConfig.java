package nl.rotterdam.schoolsafe.platform.liveness;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "schoolsafe.liveness")
public interface LivenessConfig {
    /** The launcher's process id ({@code SCHOOLSAFE_LIVENESS_PARENT_PID}); the service ends when it does. */
    Optional<Long> parentPid();
}
