package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An incident linked to a case: only the fields every case reader may see, no persons or text. */
@Embeddable
public class LinkedIncident {
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "school_location_id")
    public String schoolLocationId;
    public String category;
    public String severity;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "linked_at")
    public OffsetDateTime linkedAt;

    protected LinkedIncident() {
    }

    LinkedIncident(UUID incidentId, String schoolLocationId, String category, String severity,
                   OffsetDateTime occurredAt, OffsetDateTime linkedAt) {
        this.incidentId = incidentId;
        this.schoolLocationId = schoolLocationId;
        this.category = category;
        this.severity = severity;
        this.occurredAt = occurredAt;
        this.linkedAt = linkedAt;
    }
}
