package nl.rotterdam.schoolsafe.incident.incident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "FollowUpMeasure",
        description = "A suspension or expulsion (schorsing / verwijdering) with its Inspectorate notification duty.")
public record MeasureView(
        @Schema(required = true) UUID id,
        UUID incidentId,
        FollowUpMeasure.Type type,
        int personIndex,
        String pseudonym,
        LocalDate startDate,
        LocalDate endDate,
        OffsetDateTime parentsHeardAt,
        OffsetDateTime decidedAt,

        @Schema(description = "For an expulsion: when the parents were told of their right to object")
        OffsetDateTime rightToObjectInformedAt,

        @Schema(description = "For an expulsion: the day the parents objected")
        LocalDate objectionLodgedOn,

        @Schema(description = "Inspectorate notification (melding Inspectie)")
        Notification inspectorateNotification,

        @Schema(description = "For an expulsion: the school's duty of care (zorgplicht)")
        String interimEducation,

        LocalDate newSchoolFoundOn) {

    @Schema(name = "InspectorateNotification")
    public record Notification(FollowUpMeasure.NotificationState state, LocalDate due, OffsetDateTime notifiedAt) {}

    public static MeasureView of(FollowUpMeasure m, LocalDate today) {
        return new MeasureView(
                m.id,
                m.incident.id(),
                m.type,
                m.personIndex,
                m.pseudonym,
                m.startDate,
                m.endDate,
                m.parentsHeardAt,
                m.decidedAt,
                m.rightToObjectInformedAt,
                m.objectionLodgedOn,
                new Notification(m.notificationState(today), m.notificationDue, m.notifiedAt),
                m.interimEducation,
                m.newSchoolFoundOn);
    }
}
