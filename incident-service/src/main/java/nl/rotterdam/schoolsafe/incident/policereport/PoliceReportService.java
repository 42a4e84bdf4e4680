package nl.rotterdam.schoolsafe.incident.policereport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.incident.Incident;
import nl.rotterdam.schoolsafe.incident.incident.IncidentService;
import nl.rotterdam.schoolsafe.incident.incident.ParentConsultation;
import nl.rotterdam.schoolsafe.incident.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.incident.incident.PoliceReportView;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/** The police-report decision of an incident; each step is a change of the incident, answered with the decision so far. */
@ApplicationScoped
public class PoliceReportService {
    private final IncidentService incidents;

    PoliceReportService(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Transactional
    public Versioned<PoliceReportView> decide(UUID incidentId, PoliceReportStatus next, String reason, Caller caller) {
        return versioned(incidents
                .change(incidentId, caller)
                .apply(
                        "police-report:" + next,
                        incident -> incident.decidePoliceReport(next, reason, caller.subject(), incidents.now())));
    }

    @Transactional
    public Versioned<PoliceReportView> consultParents(
            UUID incidentId,
            int personIndex,
            ParentConsultation.Guardian guardian,
            OffsetDateTime consultedAt,
            Caller caller) {
        return versioned(incidents
                .change(incidentId, caller)
                .apply(
                        "parent-consultation",
                        incident -> incident.recordParentConsultation(
                                personIndex, guardian, consultedAt, caller.subject(), incidents.now())));
    }

    private static Versioned<PoliceReportView> versioned(Incident incident) {
        return new Versioned<>(PoliceReportView.of(incident), incident.version());
    }
}
