package nl.rotterdam.schoolsafe.escalation.casework;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.escalation.engagement.EngagementService;
import nl.rotterdam.schoolsafe.escalation.escalation.EscalationService;
import org.jboss.logging.Logger;

/** Watches the deadlines: cases unacknowledged past their response time, engagements not accepted in time. */
@ApplicationScoped
public class Deadlines {
    private static final Logger LOG = Logger.getLogger(Deadlines.class);
    static final int PER_TRANSACTION = 100;

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
        // a backlog (after an outage, or a wave of deadlines) goes in transactions of a bounded size: each decision
        // flushes what its transaction holds, so a thousand in one would cost a million dirty checks (#22)
        while (escalations.announceOverdue(PER_TRANSACTION) == PER_TRANSACTION) {
            LOG.debugf("%d cases announced overdue; more are due", PER_TRANSACTION);
        }
        while (engagements.escalateUnaccepted(PER_TRANSACTION) == PER_TRANSACTION) {
            LOG.debugf("%d engagements escalated; more are due", PER_TRANSACTION);
        }
    }
}
