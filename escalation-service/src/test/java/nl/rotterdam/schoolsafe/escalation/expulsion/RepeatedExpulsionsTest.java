package nl.rotterdam.schoolsafe.escalation.expulsion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RepeatedExpulsionsTest {
    private static final RepeatedExpulsions THREE_IN_NINETY_DAYS = new RepeatedExpulsions(3, Period.ofDays(90));

    @Test
    void aLocationReachingTheThresholdWithinTheWindowIsWorryingOncePerWindow() {
        assertFalse(THREE_IN_NINETY_DAYS.worrying(2, false));
        assertTrue(THREE_IN_NINETY_DAYS.worrying(3, false));
        assertTrue(THREE_IN_NINETY_DAYS.worrying(4, false));
        assertFalse(THREE_IN_NINETY_DAYS.worrying(4, true), "already signalled within the window");
    }

    @Test
    void theWindowEndsNow() {
        OffsetDateTime now = OffsetDateTime.parse("2026-12-03T10:00:00Z");
        assertEquals(OffsetDateTime.parse("2026-09-04T10:00:00Z"), THREE_IN_NINETY_DAYS.windowStart(now));
    }

    @Test
    void refusesAThresholdOrWindowThatCouldNeverMeanAnything() {
        assertThrows(IllegalArgumentException.class, () -> new RepeatedExpulsions(0, Period.ofDays(90)));
        assertThrows(IllegalArgumentException.class, () -> new RepeatedExpulsions(3, Period.ZERO));
    }
}
