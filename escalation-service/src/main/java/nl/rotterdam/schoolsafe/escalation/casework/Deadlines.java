package nl.rotterdam.schoolsafe.escalation.casework;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.escalation.engagement.EngagementService;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationService;

/** Watches the deadlines: cases unacknowledged past their response time, engagements not accepted in time. */
@ApplicationScoped
public class Deadlines {
    private final EscalationService escalations;
    private final EngagementService engagements;

    Deadlines(EscalationService escalations, EngagementService engagements) {
        this.escalations = escalations;
        this.engagements = engagements;
    }

    @Scheduled(
            every = "${schoolsafe.escalation.deadline-check}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        escalations.announceOverdue();
        engagements.escalateUnaccepted();
    }
}
