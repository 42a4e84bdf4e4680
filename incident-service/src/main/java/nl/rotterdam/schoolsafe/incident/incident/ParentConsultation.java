package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;

/** A parent or guardian of a minor consulted before a police report (who and when). */
@Embeddable
public class ParentConsultation {
    public enum Guardian {
        PARENT,
        GUARDIAN
    }

    @Column(name = "person_index")
    int personIndex;

    @Enumerated(EnumType.STRING)
    Guardian guardian;

    @Column(name = "consulted_at")
    OffsetDateTime consultedAt;

    @Column(name = "recorded_by")
    String recordedBy;

    protected ParentConsultation() {}

    public ParentConsultation(int personIndex, Guardian guardian, OffsetDateTime consultedAt, String recordedBy) {
        this.personIndex = personIndex;
        this.guardian = guardian;
        this.consultedAt = consultedAt;
        this.recordedBy = recordedBy;
    }
}
