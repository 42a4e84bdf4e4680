package nl.rotterdam.schoolsafe.escalation.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.engagement.SharedCases;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationCase;
import nl.rotterdam.schoolsafe.platform.event.CaseView;

/** The sharing matrix as the engagements need it: who can be engaged, and what each engaged partner is told. */
@ApplicationScoped
public class PartnerSharing implements SharedCases {
    private final CaseViews views;

    PartnerSharing(CaseViews views) {
        this.views = views;
    }

    @Override
    public boolean shareableWith(String partnerKind) {
        return Recipient.ofPartnerKind(partnerKind).isPresent();
    }

    /** The case with this engagement only, as its partner's column of the matrix allows. */
    @Override
    public CaseView outlineFor(Engagement engagement) {
        EscalationCase escalation = EscalationCase.<EscalationCase>findByIdOptional(engagement.caseId())
                .orElseThrow();
        Recipient recipient = Recipient.ofPartnerKind(engagement.partnerKind()).orElseThrow();
        return views.outline(
                escalation,
                List.of(engagement),
                CaseViews.Reader.partner(recipient, engagement.partnerId(), engagement.referralAccepted()));
    }
}
