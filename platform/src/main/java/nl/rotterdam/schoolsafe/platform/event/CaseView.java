package nl.rotterdam.schoolsafe.platform.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case as one recipient may see it: the REST answer, and (without the shareable summaries, as no free text travels
 * on a topic) the case in each partner's stream. Every field the sharing matrix withholds from that recipient
 * is absent, not empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Escalation",
        description = "An escalation case (opgeschaalde casus) as you may see it under the sharing matrix.")
public record CaseView(
        @Schema(required = true) UUID id,

        @Schema(description = "District (gebied)", example = "delfshaven", required = true)
        String district,

        @Schema(
                enumeration = {"OPEN", "ACKNOWLEDGED", "TRIAGED", "MONITORING", "CLOSED"},
                required = true)
        String status,

        @Schema(
                enumeration = {"MEDIUM", "HIGH", "CRITICAL"},
                required = true)
        String priority,

        @Schema(required = true) OffsetDateTime openedAt,

        @Schema(description = "When the safety expert must have responded", required = true)
        OffsetDateTime responseDueAt,

        boolean overdue,

        @Schema(description = "Why the case opened: the detection rules that fired", required = true)
        List<DetectionRule> rules,

        @Schema(required = true) List<IncidentView> incidents,

        @Schema(description = "Only for the safety expert: every engagement; for a partner: its own")
        List<EngagementView> engagements,

        @Schema(description = "Only for the safety expert: the chronology of the case")
        List<EntryView> chronology,

        @Schema(description = "Only for the safety expert: the outcome once closed")
        String outcome) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "EscalationIncident",
            description = "A linked incident (gekoppelde melding) with the fields you may see.")
    public record IncidentView(
            UUID incidentId,

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

            OffsetDateTime occurredAt,

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

            String district,

            @Schema(
                    description =
                            "The school's shareable summary (samenvatting), without names; for the recipients the matrix allows",
                    example =
                            "Threats between students of two schools after an online dispute; continued on the metro.")
            String summary,

            @Schema(
                    description =
                            "True when you may see the summary but the incident-service could not provide it just now")
            Boolean summaryUnavailable,

            @Schema(description = "Involved school locations (betrokken scholen)")
            List<String> schools,

            @Schema(description = "Involved persons: pseudonyms and roles only")
            List<PersonView> persons,

            @Schema(
                    description = "Police-report decision (aangifte)",
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

            @Schema(description = "Expulsions (verwijderingen) announced for this incident")
            List<MeasureView> measures) {}

    @Schema(name = "EscalationPerson")
    public record PersonView(
            String pseudonym,

            @Schema(enumeration = {"VICTIM", "SUSPECT", "WITNESS"})
            String role,

            @Schema(enumeration = {"STUDENT", "STAFF", "EXTERNAL"})
            String kind,

            String schoolLocationId) {}

    @Schema(name = "EscalationMeasure")
    public record MeasureView(
            @Schema(enumeration = {"EXPULSION"}) String type, String pseudonym, LocalDate startDate) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Engagement", description = "A partner engaged on the case (inzet).")
    public record EngagementView(
            @Schema(required = true) UUID id,
            @Schema(required = true) String partnerId,

            @Schema(
                    enumeration = {"POLICE", "ZVHRR", "YOUTH_WORK", "YOUTH_ENFORCERS", "HALT", "PSHI"},
                    required = true)
            String partnerKind,

            @Schema(
                    enumeration = {
                        "YOUTH_WORK",
                        "YOUTH_ENFORCEMENT",
                        "POLICE_ACTION",
                        "HALT_TRAINING",
                        "PSYCHOSOCIAL_AID",
                        "VICTIM_PLAN",
                        "PERPETRATOR_PLAN",
                        "SCHOOL_MEASURES"
                    },
                    required = true)
            String purpose,

            @Schema(
                    enumeration = {"REQUESTED", "ACCEPTED", "COMPLETED", "CANCELLED"},
                    required = true)
            String status,

            @Schema(required = true) OffsetDateTime requestedAt,
            OffsetDateTime acknowledgeDueAt,
            int escalationLevel,
            String outcome) {}

    @Schema(name = "CaseEntry")
    public record EntryView(
            OffsetDateTime recordedAt,
            String actor,

            @Schema(
                    enumeration = {
                        "opened",
                        "linked",
                        "acknowledged",
                        "triaged",
                        "partner-engaged",
                        "decision",
                        "monitoring",
                        "closed",
                        "overdue",
                        "engagement-accepted",
                        "engagement-update",
                        "engagement-completed",
                        "engagement-escalated",
                        "school-request"
                    })
            String kind,

            String text) {}
}
