package nl.rotterdam.schoolsafe.platform.event;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application (aanvraag) submitted or decided; amounts in whole cents; no plan or reason text. */
public record SubsidyApplicationEvent(
        UUID applicationId,
        UUID programmeId,
        String schoolYear,
        @Schema(enumeration = {"VO", "MBO", "PO_VO_SO_VSO"}) String potSector,
        String boardId,
        String schoolLocationId,

        @Schema(enumeration = {"AGGRESSION", "SEXUAL_RESILIENCE"})
        String theme,

        @Schema(
                enumeration = {
                    "TEAM_TRAINING_AGGRESSION",
                    "EXTRA_SECURITY",
                    "YOUTH_AGGRESSION_RESILIENCE",
                    "TEACHER_SIGNALLING",
                    "STUDENT_RESILIENCE"
                })
        String category,

        @Schema(enumeration = {"REQUESTED", "AWAITING_SECOND_APPROVAL", "GRANTED", "REJECTED", "SETTLED"})
        String status,

        long requestedCents,
        Long grantedCents,
        Long settledCents) {}
