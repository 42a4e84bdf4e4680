package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;

/** One step of the police-report decision: who took it, when, and why. */
@Embeddable
public class PoliceReportStep {
    @Enumerated(EnumType.STRING)
    PoliceReportStatus status;

    @Column(name = "taken_at")
    OffsetDateTime takenAt;

    @Column(name = "taken_by")
    String takenBy;

    String reason;

    protected PoliceReportStep() {}

    public PoliceReportStep(PoliceReportStatus status, OffsetDateTime takenAt, String takenBy, String reason) {
        this.status = status;
        this.takenAt = takenAt;
        this.takenBy = takenBy;
        this.reason = reason;
    }
}
