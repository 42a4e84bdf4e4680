package nl.rotterdam.schoolsafe.incident.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import nl.rotterdam.schoolsafe.incident.incident.Incident;
import nl.rotterdam.schoolsafe.incident.incident.IncidentStatus;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;

/**
 * Hands out shareable summaries to the escalation-service, which decides through the sharing
 * matrix who may read them. Every hand-out is a processing of the involved persons' data.
 */
@ApplicationScoped
public class SummaryService {
    private final ProcessingLog processingLog;

    SummaryService(ProcessingLog processingLog) {
        this.processingLog = processingLog;
    }

    @Transactional
    public List<SharedSummary> share(SummaryRequest request) {
        List<Incident> incidents = Incident.list(
                "id in ?1 and status <> ?2 and shareableSummary is not null",
                request.incidentIds(),
                IncidentStatus.DRAFT);
        String purpose =
                "shareable summary for " + request.recipient() + " " + request.reader() + ": " + request.purpose();
        processingLog.record(incidents.stream()
                .map(incident -> new ProcessingLog.Read(
                        incident.aggregateType(),
                        incident.aggregateId(),
                        incident.owner(),
                        incident.pseudonyms(),
                        purpose))
                .toList());
        return incidents.stream()
                .map(i -> new SharedSummary(i.id(), i.shareableSummary()))
                .toList();
    }
}
