package nl.rotterdam.schoolsafe.escalation.incident;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the projection knows of a set of incidents, loaded at once so a listing asks nothing per case. */
public record KnownIncidents(Map<UUID, SeenIncident> seen, Map<UUID, List<IncidentProjection.Expulsion>> expulsions) {

    public Optional<SeenIncident> find(UUID incidentId) {
        return Optional.ofNullable(seen.get(incidentId));
    }

    public List<IncidentProjection.Expulsion> expulsionsOf(UUID incidentId) {
        return expulsions.getOrDefault(incidentId, List.of());
    }
}
