package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Payload of {@code escalation.*}: the case's shareable facts; no persons, no free text. */
public record EscalationEvent(
        UUID caseId,
        String district,
        String status,
        String priority,
        OffsetDateTime openedAt,
        OffsetDateTime responseDueAt,
        boolean overdue,
        List<UUID> incidentIds,
        List<String> rules) {}
