package nl.rotterdam.schoolsafe.escalation.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationCase;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationService;
import nl.rotterdam.schoolsafe.escalation.register.RegisterEventHandler;
import nl.rotterdam.schoolsafe.escalation.register.SeenPartner;
import nl.rotterdam.schoolsafe.escalation.sharing.CaseView;
import nl.rotterdam.schoolsafe.escalation.sharing.CaseViews;
import nl.rotterdam.schoolsafe.escalation.sharing.Recipient;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.PartnerEngagedEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
public class EngagementService {
    private final EscalationService escalations;
    private final CaseViews views;
    private final Outbox outbox;
    private final Duration acknowledgeWithin;

    EngagementService(EscalationService escalations, CaseViews views, Outbox outbox,
                      @ConfigProperty(name = "schoolsafe.escalation.engagement.acknowledge-within") Duration acknowledgeWithin) {
        this.escalations = escalations;
        this.views = views;
        this.outbox = outbox;
        this.acknowledgeWithin = acknowledgeWithin;
    }

    /** The expert engages a registered partner on a case of the district; the partner is told what it may see. */
    @Transactional
    public CaseView.EngagementView engage(UUID caseId, String partnerId, Engagement.Purpose purpose, Caller caller) {
        SeenPartner partner = RegisterEventHandler.partner(partnerId)
                .orElseThrow(() -> ProblemException.invalid("partnerId", "is not a registered partner organisation"));
        Recipient.ofPartnerKind(partner.kind)
                .orElseThrow(() -> ProblemException.invalid("partnerId", "partners of kind " + partner.kind + " cannot be engaged"));
        OffsetDateTime now = escalations.now();
        Engagement engagement = Engagement.request(caseId, partner.partnerId, partner.kind, purpose, acknowledgeWithin, now);
        escalations.work(caseId, null, caller, c -> c.recordEngagement(partner.partnerId, purpose.name(), caller.subject(), now));
        engagement.persist();
        announce(EventTypes.ESCALATION_PARTNER_ENGAGED, engagement);
        return view(engagement);
    }

    /** The partner's own engagements, newest first. */
    @Transactional
    public List<CaseView.EngagementView> mine(Caller caller) {
        return caller.partner().map(partner -> Engagement.<Engagement>list("partnerId = ?1 order by requestedAt desc", partner))
                .orElse(List.of()).stream().map(EngagementService::view).toList();
    }

    @Transactional
    public CaseView.EngagementView accept(UUID id, Caller caller) {
        return act(id, caller, "engagement-accepted", null, e -> e.accept(escalations.now()));
    }

    @Transactional
    public CaseView.EngagementView update(UUID id, String note, Caller caller) {
        return act(id, caller, "engagement-update", note, Engagement::update);
    }

    @Transactional
    public CaseView.EngagementView complete(UUID id, String outcome, Caller caller) {
        return act(id, caller, "engagement-completed", outcome, e -> e.complete(outcome, escalations.now()));
    }

    private CaseView.EngagementView act(UUID id, Caller caller, String kind, String text, Consumer<Engagement> action) {
        Engagement engagement = Engagement.<Engagement>findByIdOptional(id)
                .filter(e -> caller.partner().map(e.partnerId::equals).orElse(false))
                .orElseThrow(() -> ProblemException.notFound("engagement " + id));
        action.accept(engagement);
        EscalationCase escalation = EscalationCase.<EscalationCase>findByIdOptional(engagement.caseId).orElseThrow();
        escalation.note(caller.subject(), kind, text, escalations.now());
        outbox.record(Topics.ESCALATION, EventTypes.ESCALATION_UPDATED, escalation.id.toString(), EscalationService.event(escalation));
        return view(engagement);
    }

    /** Escalates, one level and once per deadline, every engagement not accepted in time. */
    @Transactional
    public int escalateUnaccepted() {
        OffsetDateTime now = escalations.now();
        int escalated = 0;
        for (Engagement engagement : Engagement.<Engagement>list("status = ?1 and acknowledgeDueAt < ?2", Engagement.Status.REQUESTED, now)) {
            if (engagement.escalateIfUnaccepted(now)) {
                EscalationCase escalation = EscalationCase.<EscalationCase>findByIdOptional(engagement.caseId).orElseThrow();
                escalation.note("system", "engagement-escalated",
                        engagement.partnerId + " did not accept in time; escalated to " + engagement.escalatedTo(), now);
                announce(EventTypes.ESCALATION_ENGAGEMENT_ESCALATED, engagement);
                escalated++;
            }
        }
        return escalated;
    }

    private void announce(String type, Engagement engagement) {
        EscalationCase escalation = EscalationCase.<EscalationCase>findByIdOptional(engagement.caseId).orElseThrow();
        Recipient recipient = Recipient.ofPartnerKind(engagement.partnerKind).orElseThrow();
        CaseView shared = views.outline(escalation, List.of(engagement),
                CaseViews.Reader.partner(recipient, engagement.partnerId, engagement.referralAccepted()));
        outbox.record(Topics.ESCALATION, type, escalation.id.toString(), new PartnerEngagedEvent(engagement.id, escalation.id,
                engagement.partnerId, engagement.partnerKind, engagement.purpose.name(), engagement.status.name(),
                engagement.escalationLevel, engagement.acknowledgeDueAt, shared));
    }

    static CaseView.EngagementView view(Engagement e) {
        return new CaseView.EngagementView(e.id, e.partnerId, e.partnerKind, e.purpose.name(), e.status.name(), e.requestedAt,
                e.acknowledgeDueAt, e.escalationLevel, e.outcome);
    }
}
