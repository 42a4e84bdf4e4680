package nl.rotterdam.schoolsafe.incident.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Incident", description = "An incident (melding) as its own school sees it.")
public record IncidentView(
        @Schema(required = true) UUID id,
        @Schema(example = "30BR01") String schoolLocationId,

        @Schema(
                description = "Sector of the school location",
                enumeration = {"VO", "VSO", "MBO", "PO"})
        String sector,

        @Schema(example = "delfshaven") String district,
        @Schema(required = true) LocationType locationType,
        @Schema(required = true) Category category,
        @Schema(required = true) Severity severity,
        String description,

        @Schema(
                description =
                        "The short summary without names that permitted partners see once the incident is escalated (samenvatting)")
        String shareableSummary,

        @Schema(required = true) OffsetDateTime occurredAt,
        OffsetDateTime reportedAt,
        @Schema(required = true) IncidentStatus status,

        @Schema(description = "Why it was closed, while closed")
        String closedReason,

        List<PersonView> involvedPersons,

        @Schema(description = "Police involvement: for the safety coordinator only (the role table)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        PoliceReportView policeReport,

        @Schema(description = "Follow-up measures: for the safety coordinator and the board, which decides expulsions")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<MeasureView> measures) {

    @Schema(
            name = "InvolvedPerson",
            description = "A person involved (betrokkene); students appear only as pseudonyms.")
    public record PersonView(
            @Schema(description = "Position in involvedPersons, used to refer to the person")
            int index,

            InvolvedPerson.Role role,
            InvolvedPerson.Kind kind,

            @Schema(description = "Keyed pseudonym of a student", example = "ps-3f1c9a0e5b7d4c2a8e6f0b1d2c3a4e5f")
            String pseudonym,

            String schoolLocationId,
            boolean minor) {}

    /** The incident as the reader's role may see it: police involvement and measures only where the role table says. */
    public static IncidentView of(Incident incident, LocalDate today, Role reader) {
        List<InvolvedPerson> persons = incident.involvedPersons();
        return new IncidentView(
                incident.id(),
                incident.schoolLocationId(),
                incident.sector(),
                incident.districtId(),
                incident.locationType(),
                incident.category(),
                incident.severity(),
                incident.description(),
                incident.shareableSummary(),
                incident.occurredAt(),
                incident.reportedAt(),
                incident.status(),
                incident.closedReason(),
                java.util.stream.IntStream.range(0, persons.size())
                        .mapToObj(i -> new PersonView(
                                i,
                                persons.get(i).role,
                                persons.get(i).kind,
                                persons.get(i).pseudonym,
                                persons.get(i).schoolLocationId,
                                persons.get(i).minor))
                        .toList(),
                seesPoliceInvolvement(reader) ? PoliceReportView.of(incident) : null,
                seesMeasures(reader)
                        ? incident.measures().stream()
                                .map(m -> MeasureView.of(m, today))
                                .toList()
                        : null);
    }

    /** Police consultation and the police-report status belong to the safety coordinator. */
    static boolean seesPoliceInvolvement(Role reader) {
        return reader == Role.SAFETY_COORDINATOR;
    }

    /** Follow-up is the coordinator's; a board, which decides an expulsion, reads its measures too. */
    static boolean seesMeasures(Role reader) {
        return reader == Role.SAFETY_COORDINATOR || reader == Role.BOARD;
    }
}
