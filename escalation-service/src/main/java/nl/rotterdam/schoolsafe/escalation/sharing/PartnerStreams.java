package nl.rotterdam.schoolsafe.escalation.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.engagement.EngagementService;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseChanged;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationCase;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.change.FollowingEvents;
import nl.rotterdam.schoolsafe.platform.event.CaseView;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.PartnerCaseEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;

/**
 * Each partner engaged on a case gets its own copy of the case's changes on its own stream, built through its column of
 * the sharing matrix, in the transaction of the change. Changes of a case no partner is engaged on stay internal.
 */
@ApplicationScoped
public class PartnerStreams implements FollowingEvents {
    private final EngagementService engagements;
    private final CaseViews views;

    PartnerStreams(EngagementService engagements, CaseViews views) {
        this.engagements = engagements;
        this.views = views;
    }

    @Override
    public List<DomainEvent> following(DomainEvent event) {
        Optional<EventType> copy = switch (event.type()) {
            case ESCALATION_UPDATED -> Optional.of(EventType.PARTNER_CASE_UPDATED);
            case ESCALATION_CLOSED -> Optional.of(EventType.PARTNER_CASE_CLOSED);
            default -> Optional.empty();
        };
        if (copy.isEmpty() || !(event instanceof CaseChanged changed)) {
            return List.of();
        }
        EscalationCase escalation = changed.escalation();
        Map<String, List<Engagement>> byPartner = engagements.ofCase(escalation.id()).stream()
                .collect(Collectors.groupingBy(Engagement::partnerId, LinkedHashMap::new, Collectors.toList()));
        return byPartner.entrySet().stream()
                .<DomainEvent>map(partner -> {
                    Engagement first = partner.getValue().get(0);
                    Recipient recipient =
                            Recipient.ofPartnerKind(first.partnerKind()).orElseThrow();
                    boolean referralAccepted = partner.getValue().stream().anyMatch(Engagement::referralAccepted);
                    CaseView outline = views.outline(
                            escalation,
                            partner.getValue(),
                            CaseViews.Reader.partner(recipient, partner.getKey(), referralAccepted));
                    return new PartnerCopy(
                            copy.get(),
                            partner.getKey(),
                            new PartnerCaseEvent(escalation.id(), partner.getKey(), null, outline));
                })
                .toList();
    }

    /** A case change as one partner sees it, on that partner's stream, keyed by the case so it stays in order. */
    record PartnerCopy(EventType type, String partnerId, PartnerCaseEvent payload) implements DomainEvent {
        @Override
        public String key() {
            return payload.caseId().toString();
        }

        @Override
        public String topic() {
            return Topics.partner(partnerId);
        }
    }
}
