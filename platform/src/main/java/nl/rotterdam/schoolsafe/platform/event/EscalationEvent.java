package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Payload of {@code escalation.*}: the case's shareable facts; no persons, no free text. */
public record EscalationEvent(
        UUID caseId,
        String district,

        @Schema(enumeration = {"OPEN", "ACKNOWLEDGED", "TRIAGED", "MONITORING", "CLOSED"})
        String status,

        @Schema(enumeration = {"MEDIUM", "HIGH", "CRITICAL"})
        String priority,

        OffsetDateTime openedAt,
        OffsetDateTime responseDueAt,
        boolean overdue,
        List<UUID> incidentIds,
        List<DetectionRule> rules) {}
