package nl.rotterdam.schoolsafe.platform.liveness;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.rotterdam.schoolsafe.platform.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A request the service took is answered before the database goes; one that arrives once the service stops is
 * refused at once with a 503 to retry (and does nothing). Quarkus' graceful shutdown waits for the requests it counts
 * but goes on taking new ones until the server closes, which then run into a closed EntityManager or connection.
 */
@ApplicationScoped
public class Draining {
    private static final Logger LOG = Logger.getLogger(Draining.class);
    private static final String TAKEN = Draining.class.getName();
    private static final long LONGEST_WAIT_SECONDS = 20;

    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean draining;

    @ServerRequestFilter(preMatching = true, priority = 1)
    public Response take(ContainerRequestContext request) {
        active.incrementAndGet();
        if (draining) {
            active.decrementAndGet();
            return Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", 1)
                    .header("Connection", "close")
                    .entity(new Problem(
                            Problem.type("service-unavailable"),
                            "Service unavailable",
                            503,
                            "this instance is stopping and did not act on the request; try again",
                            null,
                            List.of(),
                            Map.of()))
                    .build();
        }
        request.setProperty(TAKEN, Boolean.TRUE);
        return null;
    }

    @ServerResponseFilter
    public void answered(ContainerRequestContext request) {
        if (request.getProperty(TAKEN) != null) {
            request.removeProperty(TAKEN);
            active.decrementAndGet();
        }
    }

    /** The shutdown delay is its first step: from then on nothing new is taken. */
    void refuseNewWork(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
    }

    void drain(@Observes @Priority(0) ShutdownEvent event) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LONGEST_WAIT_SECONDS);
        while (active.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (active.get() > 0) {
            LOG.warnf("stopping with %d requests still running", active.get());
        }
    }
}
