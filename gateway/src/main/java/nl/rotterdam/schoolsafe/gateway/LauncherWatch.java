package nl.rotterdam.schoolsafe.gateway;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.rotterdam.schoolsafe.platform.liveness.ParentWatch;

/** The gateway, like every service, ends with the local run's launcher. */
@ApplicationScoped
public class LauncherWatch {
    void watch(@Observes StartupEvent event, GatewayConfig config) {
        ParentWatch.endWith(config.parentPid());
    }
}
