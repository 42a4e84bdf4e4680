package nl.rotterdam.schoolsafe.escalation.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Shareable summaries stay in the incident-service, which logs every hand-out; they are fetched
 * only when a recipient the matrix allows reads a case, never put on a topic. When the
 * incident-service cannot answer, the case is still shown, marked as missing its summaries.
 */
@ApplicationScoped
public class Summaries {
    private static final Logger LOG = Logger.getLogger(Summaries.class);
    private final IncidentSummaries incidentService;
    private final Caller caller;

    Summaries(@RestClient IncidentSummaries incidentService, Caller caller) {
        this.incidentService = incidentService;
        this.caller = caller;
    }

    /** Summary per incident that has one, or empty when the incident-service did not answer in time. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<Map<UUID, String>> fetch(List<UUID> incidentIds, Recipient recipient, UUID caseId) {
        List<IncidentSummaries.Shared> shared = incidentService.share(
                new IncidentSummaries.Request(incidentIds, recipient.name(), caller.subject(), "escalation " + caseId));
        return Optional.of(shared.stream()
                .collect(Collectors.toMap(IncidentSummaries.Shared::incidentId, IncidentSummaries.Shared::summary)));
    }

    Optional<Map<UUID, String>> unavailable(
            List<UUID> incidentIds, Recipient recipient, UUID caseId, Throwable failure) {
        LOG.warnf(
                "shareable summaries for escalation %s unavailable: %s",
                caseId, failure.getClass().getSimpleName());
        return Optional.empty();
    }
}
