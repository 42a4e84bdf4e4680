package nl.rotterdam.schoolsafe.escalation.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An incident as this service understands it: the shareable facts of the incident-service's
 * latest event, translated at the edge into this service's own types (pseudonyms, never text).
 */
public record ReportedIncident(
        UUID incidentId,
        String schoolLocationId,
        String district,
        LocationType locationType,
        Category category,
        Severity severity,
        IncidentStatus status,
        PoliceReportStatus policeReportStatus,
        OffsetDateTime occurredAt,
        List<Person> involvedPersons) {

    public ReportedIncident {
        involvedPersons = List.copyOf(involvedPersons);
    }

    /** An involved person: a pseudonym (none for non-students), the part they played and their school, if any. */
    public record Person(String pseudonym, Role role, Kind kind, String schoolLocationId, boolean minor) {
        @Schema(name = "PersonRole", description = "Role of a person in an incident")
        public enum Role {
            VICTIM,
            SUSPECT,
            WITNESS
        }

        @Schema(name = "PersonKind", description = "Kind of person involved")
        public enum Kind {
            STUDENT,
            STAFF,
            EXTERNAL
        }
    }
}
