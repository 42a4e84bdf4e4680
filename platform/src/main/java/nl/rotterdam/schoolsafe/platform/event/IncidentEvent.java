package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Payload of {@code incident.reported/updated/closed}. Carries the minimum other services need:
 * pseudonyms, never student identifiers, names or the free-text description. The enumerations are the contract;
 * the incident-service's enums and the escalation-service's copies are held to them by tests.
 */
public record IncidentEvent(
        UUID incidentId,
        String schoolLocationId,
        String district,

        @Schema(
                enumeration = {
                    "IN_SCHOOL",
                    "SCHOOL_SURROUNDINGS",
                    "BICYCLE_SHED_OR_PARKING",
                    "PUBLIC_TRANSPORT",
                    "NEIGHBOURHOOD",
                    "ONLINE"
                })
        String locationType,

        @Schema(
                enumeration = {
                    "BULLYING",
                    "PHYSICAL_VIOLENCE",
                    "THREAT",
                    "WEAPON",
                    "DRUGS",
                    "SEXUAL_MISCONDUCT",
                    "DISCRIMINATION",
                    "COUNTERFEIT_MONEY_OR_FRAUD",
                    "THEFT",
                    "VANDALISM",
                    "RADICALISATION",
                    "AGGRESSION_AGAINST_STAFF",
                    "OTHER"
                })
        String category,

        @Schema(enumeration = {"LOW", "MEDIUM", "HIGH", "CRITICAL"})
        String severity,

        @Schema(enumeration = {"DRAFT", "REGISTERED", "IN_FOLLOW_UP", "CLOSED"})
        String status,

        @Schema(
                enumeration = {
                    "NONE",
                    "CONSIDERING",
                    "CONSULTED",
                    "FILED",
                    "SCHOOL_REPORT_ONLY",
                    "OTHER_ROUTE",
                    "NO_ACTION"
                })
        String policeReportStatus,

        OffsetDateTime occurredAt,
        List<InvolvedPerson> involvedPersons) {
    public record InvolvedPerson(
            String pseudonym,

            @Schema(enumeration = {"VICTIM", "SUSPECT", "WITNESS"})
            String role,

            @Schema(enumeration = {"STUDENT", "STAFF", "EXTERNAL"})
            String kind,

            String schoolLocationId,
            boolean minor) {}
}
