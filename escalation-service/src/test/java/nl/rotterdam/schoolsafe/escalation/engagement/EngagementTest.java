package nl.rotterdam.schoolsafe.escalation.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.CaseView;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.PartnerCaseEvent;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.runtime.RegisteredEvents;
import org.junit.jupiter.api.Test;

class EngagementTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00Z");

    /** Stands in for the sharing matrix: the outline names the engagement's level when it is built. */
    static final SharedCases SHARING = new SharedCases() {
        @Override
        public boolean shareableWith(String partnerKind) {
            return true;
        }

        @Override
        public CaseView outlineFor(Engagement engagement) {
            // the district carries a marker of the engagement's state when it was told
            return new CaseView(
                    engagement.caseId(),
                    "level " + engagement.escalationLevel(),
                    "TRIAGED",
                    "HIGH",
                    NOW,
                    NOW,
                    false,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    null);
        }
    };

    static Engagement requested() {
        return Engagement.request(
                UUID.randomUUID(), "zvhrr", "ZVHRR", Engagement.Purpose.VICTIM_PLAN, Duration.ofHours(4), NOW, SHARING);
    }

    @Test
    void aRequestTellsThePartnerWhatItMaySeeKeyedByTheCase() {
        Engagement engagement = requested();
        List<DomainEvent> events = RegisteredEvents.take(engagement);
        assertEquals(
                List.of(EventType.PARTNER_ENGAGED),
                events.stream().map(DomainEvent::type).toList());
        assertEquals(engagement.caseId().toString(), events.get(0).key());
        assertEquals("partner.zvhrr.events", events.get(0).topic(), "on the partner's own stream only");
        PartnerCaseEvent payload = (PartnerCaseEvent) events.get(0).payload();
        assertEquals(engagement.id(), payload.engagementId());
        assertEquals("zvhrr", payload.partnerId());
        assertEquals("level 0", payload.sharedCase().district());
    }

    @Test
    void anUnacceptedEngagementEscalatesToTheDutyOfficerThenTheLeadExpertThenStops() {
        Engagement engagement = requested();
        RegisteredEvents.take(engagement);
        assertFalse(engagement.escalateIfUnaccepted(NOW.plusHours(3), SHARING));
        assertTrue(engagement.escalateIfUnaccepted(NOW.plusHours(5), SHARING));
        assertEquals(Engagement.DUTY_OFFICER, engagement.escalationLevel());
        assertFalse(engagement.escalateIfUnaccepted(NOW.plusHours(6), SHARING), "once per deadline");
        List<DomainEvent> escalated = RegisteredEvents.take(engagement);
        assertEquals(
                List.of(EventType.PARTNER_ENGAGEMENT_ESCALATED),
                escalated.stream().map(DomainEvent::type).toList());
        assertEquals(
                "level 1",
                ((PartnerCaseEvent) escalated.get(0).payload()).sharedCase().district());
        assertTrue(engagement.escalateIfUnaccepted(NOW.plusHours(10), SHARING));
        assertEquals(Engagement.LEAD_EXPERT, engagement.escalationLevel());
        assertFalse(engagement.escalateIfUnaccepted(NOW.plusDays(5), SHARING), "no level above the lead expert");
        assertEquals(
                "level 2",
                ((PartnerCaseEvent) RegisteredEvents.take(engagement).get(0).payload())
                        .sharedCase()
                        .district(),
                "the partner sees the case as the escalation left it");
    }

    @Test
    void anAcceptedEngagementNeverEscalatesAndCountsAsAnAcceptedReferral() {
        Engagement engagement = requested();
        RegisteredEvents.take(engagement);
        assertFalse(engagement.referralAccepted());
        engagement.accept(NOW.plusHours(1));
        assertTrue(engagement.referralAccepted());
        assertFalse(engagement.escalateIfUnaccepted(NOW.plusDays(1), SHARING));
        engagement.complete("victim plan agreed", NOW.plusDays(2));
        assertEquals(Engagement.Status.COMPLETED, engagement.status());
        assertEquals(List.of(), RegisteredEvents.take(engagement), "the case's update announces the partner's answers");
    }

    @Test
    void aPartnerCannotCompleteBeforeAcceptingNorAcceptTwice() {
        Engagement engagement = requested();
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> engagement.complete("x", NOW))
                        .status());
        engagement.accept(NOW);
        assertEquals(
                409,
                assertThrows(ProblemException.class, () -> engagement.accept(NOW))
                        .status());
    }

    @Test
    void closingTheCaseCancelsAnOpenEngagementButNotACompletedOne() {
        Engagement open = requested();
        open.cancel();
        assertEquals(Engagement.Status.CANCELLED, open.status());
        Engagement completed = requested();
        completed.accept(NOW);
        completed.complete("done", NOW);
        completed.cancel();
        assertEquals(Engagement.Status.COMPLETED, completed.status());
    }
}
