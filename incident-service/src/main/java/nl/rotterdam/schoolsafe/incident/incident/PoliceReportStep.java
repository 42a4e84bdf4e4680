package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;

/** One step of police involvement: who took it, when, why and, for another route, which. */
@Embeddable
public class PoliceReportStep {
    @Enumerated(EnumType.STRING)
    PoliceReportStatus status;

    @Column(name = "taken_at")
    OffsetDateTime takenAt;

    @Column(name = "taken_by")
    String takenBy;

    String reason;

    /** The route's code, for OTHER_ROUTE. */
    String route;

    protected PoliceReportStep() {}

    PoliceReportStep(PoliceReportStatus status, OffsetDateTime takenAt, String takenBy, String reason, String route) {
        this.status = status;
        this.takenAt = takenAt;
        this.takenBy = takenBy;
        this.reason = reason;
        this.route = route;
    }
}
