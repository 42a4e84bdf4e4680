package nl.rotterdam.schoolsafe.platform.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of {@code escalation.partner-engaged} and {@code escalation.engagement-escalated}: the
 * engagement and the case exactly as the sharing matrix lets this partner see it (never free text).
 */
public record PartnerEngagedEvent(
        UUID engagementId,
        UUID caseId,
        String partnerId,
        String partnerKind,
        String purpose,
        String status,
        int escalationLevel,
        OffsetDateTime acknowledgeDueAt,
        Object sharedCase) {}
