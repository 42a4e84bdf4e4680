package nl.rotterdam.schoolsafe.escalation.escalation;

import java.util.EnumSet;
import java.util.Set;

/** Life cycle of an escalation case and what the safety expert may do in each status. */
public enum CaseStatus {
    OPEN(EnumSet.of(Action.ACKNOWLEDGE, Action.RECORD_DECISION, Action.LINK)),
    ACKNOWLEDGED(EnumSet.of(Action.TRIAGE, Action.RECORD_DECISION, Action.CLOSE, Action.LINK)),
    TRIAGED(EnumSet.of(Action.ENGAGE_PARTNER, Action.MONITOR, Action.RECORD_DECISION, Action.CLOSE, Action.LINK)),
    MONITORING(EnumSet.of(Action.ENGAGE_PARTNER, Action.RECORD_DECISION, Action.CLOSE, Action.LINK)),
    CLOSED(EnumSet.noneOf(Action.class));

    public enum Action {
        ACKNOWLEDGE,
        TRIAGE,
        ENGAGE_PARTNER,
        MONITOR,
        RECORD_DECISION,
        CLOSE,
        LINK
    }

    private final Set<Action> allowed;

    CaseStatus(Set<Action> allowed) {
        this.allowed = allowed;
    }

    public Set<Action> allowed() {
        return allowed;
    }
}
