package nl.rotterdam.schoolsafe.escalation.engagement;

import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngagementTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00Z");

    static Engagement requested() {
        return Engagement.request(UUID.randomUUID(), "zvhrr", "ZVHRR", Engagement.Purpose.VICTIM_PLAN, Duration.ofHours(4), NOW);
    }

    @Test
    void anUnacceptedEngagementEscalatesToTheDutyOfficerThenTheLeadExpertThenStops() {
        Engagement engagement = requested();
        assertFalse(engagement.escalateIfUnaccepted(NOW.plusHours(3)));
        assertTrue(engagement.escalateIfUnaccepted(NOW.plusHours(5)));
        assertEquals(Engagement.DUTY_OFFICER, engagement.escalationLevel);
        assertFalse(engagement.escalateIfUnaccepted(NOW.plusHours(6)), "once per deadline");
        assertTrue(engagement.escalateIfUnaccepted(NOW.plusHours(10)));
        assertEquals(Engagement.LEAD_EXPERT, engagement.escalationLevel);
        assertFalse(engagement.escalateIfUnaccepted(NOW.plusDays(5)), "no level above the lead expert");
    }

    @Test
    void anAcceptedEngagementNeverEscalatesAndCountsAsAnAcceptedReferral() {
        Engagement engagement = requested();
        assertFalse(engagement.referralAccepted());
        engagement.accept(NOW.plusHours(1));
        assertTrue(engagement.referralAccepted());
        assertFalse(engagement.escalateIfUnaccepted(NOW.plusDays(1)));
        engagement.complete("victim plan agreed", NOW.plusDays(2));
        assertEquals(Engagement.Status.COMPLETED, engagement.status);
    }

    @Test
    void aPartnerCannotCompleteBeforeAcceptingNorAcceptTwice() {
        Engagement engagement = requested();
        assertEquals(409, assertThrows(ProblemException.class, () -> engagement.complete("x", NOW)).status());
        engagement.accept(NOW);
        assertEquals(409, assertThrows(ProblemException.class, () -> engagement.accept(NOW)).status());
    }
}
