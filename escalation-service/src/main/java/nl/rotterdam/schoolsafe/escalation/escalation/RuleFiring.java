package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.event.DetectionRule;

/** Why a case opened or grew. */
@Embeddable
public class RuleFiring {
    @Column(name = "incident_id")
    private UUID incidentId;

    @Enumerated(EnumType.STRING)
    private DetectionRule rule;

    private String explanation;

    @Column(name = "fired_at")
    private OffsetDateTime firedAt;

    protected RuleFiring() {}

    RuleFiring(UUID incidentId, DetectionRule rule, String explanation, OffsetDateTime firedAt) {
        this.incidentId = incidentId;
        this.rule = rule;
        this.explanation = explanation;
        this.firedAt = firedAt;
    }

    DetectionRule rule() {
        return rule;
    }
}
