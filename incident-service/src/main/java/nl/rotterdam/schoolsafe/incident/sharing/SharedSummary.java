package nl.rotterdam.schoolsafe.incident.sharing;

import java.util.UUID;

public record SharedSummary(UUID incidentId, String summary) {}
