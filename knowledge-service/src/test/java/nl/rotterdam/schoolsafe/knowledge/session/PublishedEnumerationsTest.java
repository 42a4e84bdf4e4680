package nl.rotterdam.schoolsafe.knowledge.session;

import static nl.rotterdam.schoolsafe.runtime.EnumerationContract.assertNamesExactly;

import nl.rotterdam.schoolsafe.knowledge.catalog.Audience;
import nl.rotterdam.schoolsafe.platform.event.RegistrationChangedEvent;
import nl.rotterdam.schoolsafe.platform.event.SessionEvent;
import org.junit.jupiter.api.Test;

/** The events this service publishes name their enum values in the AsyncAPI contract; they are exactly ours. */
class PublishedEnumerationsTest {
    @Test
    void aSessionEventNamesExactlyTheKindsStatusesAndAudiencesOfASession() {
        assertNamesExactly(SessionEvent.class, "kind", ExpertSession.Kind.class);
        assertNamesExactly(SessionEvent.class, "status", ExpertSession.Status.class);
        assertNamesExactly(SessionEvent.class, "audiences", Audience.class);
    }

    @Test
    void aRegistrationEventNamesExactlyTheChangesAndStatusesOfARegistration() {
        assertNamesExactly(RegistrationChangedEvent.class, "change", RegistrationChanged.Change.class);
        assertNamesExactly(RegistrationChangedEvent.class, "status", Registration.Status.class);
    }
}
