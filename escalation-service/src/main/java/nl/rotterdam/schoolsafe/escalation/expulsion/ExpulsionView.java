package nl.rotterdam.schoolsafe.escalation.expulsion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An expulsion as the municipality and the compulsory-education officer see it: a pseudonym, dates, yes/no. */
@Schema(name = "ExpulsionFollowUp", description = "An expulsion on the municipality's worklist (council answer 26)")
public record ExpulsionView(
        @Schema(required = true, description = "The school's measure id")
        UUID measureId,

        UUID incidentId,
        @Schema(example = "30BR01") String schoolLocationId,
        String district,

        @Schema(example = "ps-3f1c9a0e5b7d4c2a8e6f0b1d2c3a4e5f")
        String pseudonym,

        LocalDate startDate,
        OffsetDateTime decidedAt,

        @Schema(description = "When the school heard the parents, before deciding")
        OffsetDateTime parentsHeardAt,

        @Schema(required = true) boolean informedOfRightToObject,
        @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime informedOfRightToObjectAt,
        @Schema(required = true) boolean objectionLodged,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate objectionLodgedOn,
        @Schema(required = true) boolean interimEducationArranged,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate newSchoolFoundOn,
        @Schema(required = true) ExpulsionFollowUp.Status status,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "The officer's check, once checked off")
        Checked checked) {

    @Schema(name = "ExpulsionCheck")
    public record Checked(
            boolean parentsFullyInformed,
            boolean schoolRemindedOfDutyOfCare,
            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate parentsSpokenToOn,
            String checkedBy,
            OffsetDateTime checkedAt) {}
}
