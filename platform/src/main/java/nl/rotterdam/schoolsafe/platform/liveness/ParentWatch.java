package nl.rotterdam.schoolsafe.platform.liveness;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A process started by a launcher (the local run) ends when the launcher does, however it ended, so a killed launcher
 * leaves no service holding its port. Unset in production, where the orchestrator owns the process.
 */
@ApplicationScoped
public class ParentWatch {
    private static final Logger LOG = Logger.getLogger(ParentWatch.class);

    private final LivenessConfig config;

    ParentWatch(LivenessConfig config) {
        this.config = config;
    }

    void watch(@Observes StartupEvent event) {
        endWith(config.parentPid());
    }

    /** For an application that does not take the platform's beans (the gateway). */
    public static void endWith(Optional<Long> parentPid) {
        parentPid.ifPresent(pid -> ProcessHandle.of(pid)
                .ifPresentOrElse(parent -> parent.onExit().thenRun(() -> stop(pid)), () -> stop(pid)));
    }

    private static void stop(long pid) {
        LOG.warnf("the launcher (pid %d) is gone; stopping", pid);
        Quarkus.asyncExit(0);
    }
}
