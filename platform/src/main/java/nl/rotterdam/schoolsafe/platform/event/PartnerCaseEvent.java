package nl.rotterdam.schoolsafe.platform.event;

import java.util.UUID;

/**
 * Payload of every event on a partner's stream ({@code partner.<partnerId>.events}): the case as this partner's
 * column of the sharing matrix lets it see it, with its own engagements only and without free text. For an
 * engagement's own events, {@code engagementId} names it.
 */
public record PartnerCaseEvent(UUID caseId, String partnerId, UUID engagementId, CaseView sharedCase) {}
