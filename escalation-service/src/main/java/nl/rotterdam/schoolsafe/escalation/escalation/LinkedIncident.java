package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.escalation.incident.Category;
import nl.rotterdam.schoolsafe.escalation.incident.Severity;

/** An incident linked to a case: only the fields every case reader may see, no persons or text. */
@Embeddable
public class LinkedIncident {
    @Column(name = "incident_id")
    private UUID incidentId;

    @Column(name = "school_location_id")
    private String schoolLocationId;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @Column(name = "linked_at")
    private OffsetDateTime linkedAt;

    protected LinkedIncident() {}

    LinkedIncident(
            UUID incidentId,
            String schoolLocationId,
            Category category,
            Severity severity,
            OffsetDateTime occurredAt,
            OffsetDateTime linkedAt) {
        this.incidentId = incidentId;
        this.schoolLocationId = schoolLocationId;
        this.category = category;
        this.severity = severity;
        this.occurredAt = occurredAt;
        this.linkedAt = linkedAt;
    }

    public UUID incidentId() {
        return incidentId;
    }

    /** The school location that reported the incident. */
    public String schoolLocationId() {
        return schoolLocationId;
    }
}
