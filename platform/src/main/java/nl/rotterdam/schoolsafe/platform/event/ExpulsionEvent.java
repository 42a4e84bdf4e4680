package nl.rotterdam.schoolsafe.platform.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Informs the municipality of an expulsion and how it is followed up (council answer 26): the pseudonym,
 * the school and dates or yes/no, never a name or the school's own words.
 */
public record ExpulsionEvent(
        UUID incidentId,
        UUID measureId,
        String schoolLocationId,
        String district,
        String pseudonym,
        LocalDate startDate,

        @Schema(description = "When the school decided the expulsion")
        OffsetDateTime decidedAt,

        @Schema(description = "When the parents were heard, before the decision")
        OffsetDateTime parentsHeardAt,

        @Schema(description = "When the parents were told of their right to object; null while they were not")
        OffsetDateTime rightToObjectInformedAt,

        @Schema(description = "The day the parents objected; null while they did not")
        LocalDate objectionLodgedOn,

        @Schema(description = "Whether the school arranged education meanwhile")
        boolean interimEducationArranged,

        @Schema(description = "The day a new school was found; null while none is")
        LocalDate newSchoolFoundOn) {}
