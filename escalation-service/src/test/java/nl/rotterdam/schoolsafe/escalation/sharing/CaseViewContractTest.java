package nl.rotterdam.schoolsafe.escalation.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.escalation.engagement.Engagement;
import nl.rotterdam.schoolsafe.escalation.escalation.CaseStatus;
import nl.rotterdam.schoolsafe.escalation.escalation.Priority;
import nl.rotterdam.schoolsafe.escalation.incident.Category;
import nl.rotterdam.schoolsafe.escalation.incident.LocationType;
import nl.rotterdam.schoolsafe.escalation.incident.PoliceReportStatus;
import nl.rotterdam.schoolsafe.escalation.incident.ReportedIncident;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;
import nl.rotterdam.schoolsafe.platform.event.CaseView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The case view is a published contract (REST and every partner's stream) whose enum values are written out in the
 * platform; they must be exactly the values this service produces, or a partner's generated client breaks.
 */
class CaseViewContractTest {
    private static final Map<Class<?>, Map<String, Class<? extends Enum<?>>>> PRODUCED = Map.of(
            CaseView.class, Map.of("status", CaseStatus.class, "priority", Priority.class),
            CaseView.IncidentView.class,
                    Map.of(
                            "category", Category.class,
                            "severity", Severity.class,
                            "locationType", LocationType.class,
                            "policeReportStatus", PoliceReportStatus.class),
            CaseView.PersonView.class,
                    Map.of("role", ReportedIncident.Person.Role.class, "kind", ReportedIncident.Person.Kind.class),
            CaseView.EngagementView.class,
                    Map.of("purpose", Engagement.Purpose.class, "status", Engagement.Status.class));

    @Test
    void everyEnumeratedFieldOfTheCaseViewNamesExactlyTheValuesTheServiceProduces() {
        PRODUCED.forEach((view, fields) -> fields.forEach((field, produced) -> assertEquals(
                Arrays.stream(produced.getEnumConstants()).map(Enum::name).toList(),
                enumeration(view, field),
                view.getSimpleName() + "." + field)));
    }

    @Test
    void thePartnerKindsAreTheKindsTheMatrixHasAColumnFor() {
        List<String> kinds = enumeration(CaseView.EngagementView.class, "partnerKind");
        kinds.forEach(kind -> assertEquals(true, Recipient.ofPartnerKind(kind).isPresent(), kind));
        assertEquals(List.of("EXPULSION"), enumeration(CaseView.MeasureView.class, "type"));
    }

    /** The values the annotation names; it reaches the record's field, where the document generators read it. */
    private static List<String> enumeration(Class<?> view, String field) {
        try {
            Schema schema = view.getDeclaredField(field).getAnnotation(Schema.class);
            return schema == null ? List.of() : List.of(schema.enumeration());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(view.getSimpleName() + " has no " + field, e);
        }
    }
}
