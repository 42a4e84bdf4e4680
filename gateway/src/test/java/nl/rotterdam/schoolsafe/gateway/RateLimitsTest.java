package nl.rotterdam.schoolsafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimitsTest {
    @Test
    void eachReplicaAllowsItsShareOfTheConfiguredRateRoundedUpAndNeverNone() {
        assertEquals(300, RateLimits.share(300, 1));
        assertEquals(100, RateLimits.share(300, 3));
        assertEquals(143, RateLimits.share(1000, 7));
        assertEquals(1, RateLimits.share(2, 5));
    }
}
