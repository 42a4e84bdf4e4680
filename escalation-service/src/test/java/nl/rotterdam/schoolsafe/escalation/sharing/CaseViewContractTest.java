package nl.rotterdam.schoolsafe.escalation.sharing;

import static nl.rotterdam.schoolsafe.runtime.EnumerationContract.assertNamesExactly;
import static nl.rotterdam.schoolsafe.runtime.EnumerationContract.enumeration;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseEntry;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseStatus;
import nl.rotterdam.schoolsafe.escalation.escalation.Priority;
import nl.rotterdam.schoolsafe.escalation.incident.Category;
import nl.rotterdam.schoolsafe.escalation.incident.IncidentStatus;
import nl.rotterdam.schoolsafe.escalation.incident.LocationType;
import nl.rotterdam.schoolsafe.escalation.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.platform.event.CaseView;
import nl.rotterdam.schoolsafe.platform.event.EscalationEvent;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import org.junit.jupiter.api.Test;

/**
 * The case view (REST and every partner's stream) and the events this service publishes and reads are contracts
 * whose enum values are written out in the platform; they must be exactly the values this service produces and
 * parses, or a partner's generated client breaks, or an incident event stops being understood.
 */
class CaseViewContractTest {
    @Test
    void everyEnumeratedFieldOfTheCaseViewNamesExactlyTheValuesTheServiceProduces() {
        assertNamesExactly(CaseView.class, "status", CaseStatus.class);
        assertNamesExactly(CaseView.class, "priority", Priority.class);
        assertNamesExactly(CaseView.IncidentView.class, "category", Category.class);
        assertNamesExactly(CaseView.IncidentView.class, "severity", Severity.class);
        assertNamesExactly(CaseView.IncidentView.class, "locationType", LocationType.class);
        assertNamesExactly(CaseView.IncidentView.class, "policeReportStatus", PoliceReportStatus.class);
        assertNamesExactly(CaseView.PersonView.class, "role", ReportedIncident.Person.Role.class);
        assertNamesExactly(CaseView.PersonView.class, "kind", ReportedIncident.Person.Kind.class);
        assertNamesExactly(CaseView.EngagementView.class, "purpose", Engagement.Purpose.class);
        assertNamesExactly(CaseView.EngagementView.class, "status", Engagement.Status.class);
    }

    @Test
    void theChronologyNamesExactlyTheKindsOfLineACaseRecords() {
        assertEquals(
                Arrays.stream(CaseEntry.Kind.values())
                        .map(CaseEntry.Kind::value)
                        .toList(),
                enumeration(CaseView.EntryView.class, "kind"));
    }

    @Test
    void theCaseEventNamesExactlyTheStatusesAndPrioritiesOfACase() {
        assertNamesExactly(EscalationEvent.class, "status", CaseStatus.class);
        assertNamesExactly(EscalationEvent.class, "priority", Priority.class);
    }

    @Test
    void theIncidentEventsThisServiceReadsCarryExactlyTheValuesItsCopiesParse() {
        assertNamesExactly(IncidentEvent.class, "category", Category.class);
        assertNamesExactly(IncidentEvent.class, "severity", Severity.class);
        assertNamesExactly(IncidentEvent.class, "locationType", LocationType.class);
        assertNamesExactly(IncidentEvent.class, "status", IncidentStatus.class);
        assertNamesExactly(IncidentEvent.class, "policeReportStatus", PoliceReportStatus.class);
        assertNamesExactly(IncidentEvent.InvolvedPerson.class, "role", ReportedIncident.Person.Role.class);
        assertNamesExactly(IncidentEvent.InvolvedPerson.class, "kind", ReportedIncident.Person.Kind.class);
    }

    @Test
    void thePartnerKindsAreTheKindsTheMatrixHasAColumnFor() {
        List<String> kinds = enumeration(CaseView.EngagementView.class, "partnerKind");
        kinds.forEach(kind -> assertEquals(true, Recipient.ofPartnerKind(kind).isPresent(), kind));
        assertEquals(kinds, enumeration(PartnerEvent.class, "kind"));
        assertEquals(List.of("EXPULSION"), enumeration(CaseView.MeasureView.class, "type"));
    }
}
