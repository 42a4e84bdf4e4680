package nl.rotterdam.schoolsafe.escalation;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import nl.rotterdam.schoolsafe.runtime.ShiftableClock;

/** The service's clock in tests: moved forward by the test instead of sleeping. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends ShiftableClock {}
