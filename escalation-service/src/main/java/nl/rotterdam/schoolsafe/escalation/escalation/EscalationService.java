package nl.rotterdam.schoolsafe.escalation.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.rotterdam.schoolsafe.escalation.detection.DetectionRules;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.platform.event.EscalationEvent;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EscalationService {
    private final DetectionRules rules;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration critical;
    private final Duration high;
    private final Duration medium;

    EscalationService(DetectionRules rules, Outbox outbox, Clock clock,
                      @ConfigProperty(name = "schoolsafe.escalation.response.critical") Duration critical,
                      @ConfigProperty(name = "schoolsafe.escalation.response.high") Duration high,
                      @ConfigProperty(name = "schoolsafe.escalation.response.medium") Duration medium) {
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.critical = critical;
        this.high = high;
        this.medium = medium;
    }

    /** Opens a case when a rule finds the incident cross-school; an incident already in a case changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<EscalationCase> consider(IncidentEvent incident) {
        if (caseOf(incident.incidentId()).isPresent()) {
            return Optional.empty();
        }
        List<RuleFired> fired = rules.evaluate(incident);
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        Priority priority = Priority.of(incident, fired);
        EscalationCase opened = EscalationCase.open(incident, fired, responseTime(priority), priority, OffsetDateTime.now(clock));
        opened.persist();
        outbox.record(Topics.ESCALATION, EventTypes.ESCALATION_OPENED, opened.id.toString(), event(opened));
        return Optional.of(opened);
    }

    public List<EscalationCase> queue(Caller caller) {
        return caller.area()
                .map(area -> EscalationCase.<EscalationCase>list("districtId = ?1 and status <> ?2 order by responseDueAt, id",
                        area, CaseStatus.CLOSED))
                .orElse(List.of());
    }

    /** The case if it lies in the expert's area; any other case is as absent as a missing one. */
    public Optional<EscalationCase> find(UUID id, Caller caller) {
        return EscalationCase.<EscalationCase>findByIdOptional(id)
                .filter(found -> caller.area().map(found.districtId::equals).orElse(false));
    }

    Optional<EscalationCase> caseOf(UUID incidentId) {
        return EscalationCase.find("select c from EscalationCase c join c.incidents i where i.incidentId = ?1", incidentId)
                .firstResultOptional();
    }

    private Duration responseTime(Priority priority) {
        return switch (priority) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
        };
    }

    static EscalationEvent event(EscalationCase escalation) {
        return new EscalationEvent(escalation.id, escalation.districtId, escalation.status.name(), escalation.priority.name(),
                escalation.openedAt, escalation.responseDueAt,
                escalation.incidents.stream().map(i -> i.incidentId).toList(),
                escalation.firings.stream().map(f -> f.rule.name()).distinct().toList());
    }
}
