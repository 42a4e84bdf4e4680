package nl.rotterdam.schoolsafe.incident.policereport;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;

/** One step of the police-report decision: who took it, when, and why. */
@Embeddable
public class PoliceReportStep {
    @Enumerated(EnumType.STRING)
    public PoliceReportStatus status;
    @Column(name = "taken_at")
    public OffsetDateTime takenAt;
    @Column(name = "taken_by")
    public String takenBy;
    public String reason;

    protected PoliceReportStep() {
    }

    public PoliceReportStep(PoliceReportStatus status, OffsetDateTime takenAt, String takenBy, String reason) {
        this.status = status;
        this.takenAt = takenAt;
        this.takenBy = takenBy;
        this.reason = reason;
    }
}
