package nl.rotterdam.schoolsafe.knowledge.session;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import nl.rotterdam.schoolsafe.platform.metrics.SampledGauge;

/** What an operator (and the organisers) see of the agenda: upcoming sessions with every seat taken. */
@Dependent
public class SessionGauges {
    @Produces
    SampledGauge full() {
        return new SampledGauge(
                "schoolsafe.knowledge.sessions.full",
                "Upcoming sessions whose seats are all confirmed",
                "SELECT count(*) FROM expert_session WHERE status = 'SCHEDULED' AND starts_at > now() AND confirmed_seats >= capacity");
    }
}
