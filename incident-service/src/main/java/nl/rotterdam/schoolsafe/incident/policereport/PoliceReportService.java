package nl.rotterdam.schoolsafe.incident.policereport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.incident.incident.Incident;
import nl.rotterdam.schoolsafe.incident.incident.IncidentService;
import nl.rotterdam.schoolsafe.incident.incident.InvolvementRoute;
import nl.rotterdam.schoolsafe.incident.incident.ParentConsultation;
import nl.rotterdam.schoolsafe.incident.incident.PoliceConsultation;
import nl.rotterdam.schoolsafe.incident.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.incident.incident.PoliceReportView;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/** Police involvement of an incident; each step is a change of the incident, answered with the involvement so far. */
@ApplicationScoped
public class PoliceReportService {
    private final IncidentService incidents;

    PoliceReportService(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Transactional
    public Versioned<PoliceReportView> decide(
            UUID incidentId, PoliceReportStatus next, String routeCode, String reason, Caller caller) {
        InvolvementRoute route = routeCode == null
                ? null
                : Route.open(routeCode)
                        .orElseThrow(() -> ProblemException.invalid(
                                "route", "is not one of the routes listed at GET /incidents/involvement-routes"));
        return versioned(incidents
                .change(incidentId, caller)
                .apply(
                        Incident.POLICE_REPORT_ACTION + next,
                        incident ->
                                incident.decidePoliceReport(next, route, reason, caller.subject(), incidents.now())));
    }

    @Transactional
    public Versioned<PoliceReportView> consultPoliceOrEnforcement(
            UUID incidentId,
            PoliceConsultation.Party party,
            String contact,
            OffsetDateTime consultedAt,
            Caller caller) {
        return versioned(incidents
                .change(incidentId, caller)
                .apply(
                        Incident.POLICE_CONSULTATION_ACTION,
                        incident -> incident.recordPoliceConsultation(
                                party, contact, consultedAt, caller.subject(), incidents.now())));
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
                        Incident.PARENT_CONSULTATION_ACTION,
                        incident -> incident.recordParentConsultation(
                                personIndex, guardian, consultedAt, caller.subject(), incidents.now())));
    }

    public List<Route> routes() {
        return Route.current();
    }

    private static Versioned<PoliceReportView> versioned(Incident incident) {
        return new Versioned<>(PoliceReportView.of(incident), incident.version());
    }
}
