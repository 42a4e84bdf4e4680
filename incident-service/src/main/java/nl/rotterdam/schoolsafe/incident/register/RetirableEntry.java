package nl.rotterdam.schoolsafe.incident.register;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * A register entry an administrator can take out when it was entered by mistake (a board, a
 * partner): every description or retirement republishes the whole entry on the register topic.
 */
@MappedSuperclass
public abstract class RetirableEntry extends AggregateRoot {
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "retired_reason")
    private String retiredReason;

    /** The event that publishes the whole entry as it is now. */
    protected abstract DomainEvent published();

    /** After a new description: an entry registered again is back in the register. */
    protected final void described(OffsetDateTime now) {
        updatedAt = now;
        retiredAt = null;
        retiredReason = null;
        registerEvent(published());
    }

    /**
     * Takes the entry out of the register with the administrator's reason: it is no longer listed
     * and the other services learn it from the register topic. Registering it again brings it back.
     */
    void retire(String reason, OffsetDateTime now) {
        if (retired()) {
            throw ProblemException.illegalState(
                    aggregateType() + " " + aggregateId() + " was retired on " + retiredAt,
                    "RETIRED",
                    List.of("REGISTER"));
        }
        retiredAt = now;
        retiredReason = reason;
        registerEvent(published());
    }

    public boolean retired() {
        return retiredAt != null;
    }

    protected String retiredReason() {
        return retiredReason;
    }

    @Override
    public String owner() {
        return RegisterService.OWNER;
    }
}
