package nl.rotterdam.schoolsafe.incident;

import static nl.rotterdam.schoolsafe.runtime.EnumerationContract.assertNamesExactly;

import nl.rotterdam.schoolsafe.incident.incident.Category;
import nl.rotterdam.schoolsafe.incident.incident.IncidentStatus;
import nl.rotterdam.schoolsafe.incident.incident.InvolvedPerson;
import nl.rotterdam.schoolsafe.incident.incident.LocationType;
import nl.rotterdam.schoolsafe.incident.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.incident.incident.Severity;
import nl.rotterdam.schoolsafe.incident.register.Partner;
import nl.rotterdam.schoolsafe.incident.register.Sector;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import org.junit.jupiter.api.Test;

/** The events this service publishes name their enum values in the AsyncAPI contract; they are exactly ours. */
class PublishedEnumerationsTest {
    @Test
    void anIncidentEventNamesExactlyTheValuesAnIncidentCanHave() {
        assertNamesExactly(IncidentEvent.class, "locationType", LocationType.class);
        assertNamesExactly(IncidentEvent.class, "category", Category.class);
        assertNamesExactly(IncidentEvent.class, "severity", Severity.class);
        assertNamesExactly(IncidentEvent.class, "status", IncidentStatus.class);
        assertNamesExactly(IncidentEvent.class, "policeReportStatus", PoliceReportStatus.class);
        assertNamesExactly(IncidentEvent.InvolvedPerson.class, "role", InvolvedPerson.Role.class);
        assertNamesExactly(IncidentEvent.InvolvedPerson.class, "kind", InvolvedPerson.Kind.class);
    }

    @Test
    void theRegisterTopicNamesExactlyThePartnerKindsAndSectorsOfTheRegister() {
        assertNamesExactly(PartnerEvent.class, "kind", Partner.Kind.class);
        assertNamesExactly(SchoolLocationEvent.class, "sector", Sector.class);
    }
}
