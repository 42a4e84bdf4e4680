package nl.rotterdam.schoolsafe.escalation.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Consumer;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.engagement.EngagementService;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationCase;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationService;
import nl.rotterdam.schoolsafe.escalation.escalation.Priority;
import nl.rotterdam.schoolsafe.escalation.sharing.CaseViews;
import nl.rotterdam.schoolsafe.platform.event.CaseView;
import nl.rotterdam.schoolsafe.platform.http.Versioned;
import nl.rotterdam.schoolsafe.platform.security.Caller;

/** The case work the REST resources offer, each answered with the case as its actor may now see it. */
@ApplicationScoped
public class CaseWork {
    private final EscalationService escalations;
    private final EngagementService engagements;
    private final CaseViews views;

    CaseWork(EscalationService escalations, EngagementService engagements, CaseViews views) {
        this.escalations = escalations;
        this.engagements = engagements;
        this.views = views;
    }

    @Transactional
    public Versioned<CaseView> acknowledge(UUID id, String ifMatch, Caller caller) {
        return expert(id, ifMatch, caller, "acknowledge", c -> c.acknowledge(caller.subject(), escalations.now()));
    }

    @Transactional
    public Versioned<CaseView> triage(UUID id, String ifMatch, Priority priority, Caller caller) {
        return expert(id, ifMatch, caller, "triage", c -> c.triage(priority, caller.subject(), escalations.now()));
    }

    @Transactional
    public Versioned<CaseView> recordDecision(UUID id, String ifMatch, String decision, Caller caller) {
        return expert(
                id, ifMatch, caller, "decision", c -> c.recordDecision(decision, caller.subject(), escalations.now()));
    }

    @Transactional
    public Versioned<CaseView> monitor(UUID id, String ifMatch, Caller caller) {
        return expert(id, ifMatch, caller, "monitor", c -> c.monitor(caller.subject(), escalations.now()));
    }

    @Transactional
    public Versioned<CaseView> close(UUID id, String ifMatch, String outcome, Caller caller) {
        return expertView(escalations.close(id, ifMatch, outcome, caller));
    }

    /** A school's request to escalate its own incident, answered with the case as the school may see it. */
    @Transactional
    public CaseView request(UUID incidentId, String reason, Caller caller) {
        EscalationCase escalation = escalations.requestEscalation(incidentId, reason, caller);
        return views.view(
                escalation, engagements.ofCase(escalation.id()), CaseViews.Reader.school(caller.schoolLocationIds()));
    }

    @Transactional
    public CaseView.EngagementView engage(UUID caseId, String partnerId, Engagement.Purpose purpose, Caller caller) {
        return CaseViews.engagement(engagements.engage(caseId, partnerId, purpose, caller));
    }

    private Versioned<CaseView> expert(
            UUID id, String ifMatch, Caller caller, String action, Consumer<EscalationCase> intention) {
        return expertView(escalations.work(id, ifMatch, caller, action, intention));
    }

    private Versioned<CaseView> expertView(EscalationCase escalation) {
        return new Versioned<>(
                views.view(escalation, engagements.ofCase(escalation.id()), CaseViews.Reader.expert()),
                escalation.version());
    }
}
