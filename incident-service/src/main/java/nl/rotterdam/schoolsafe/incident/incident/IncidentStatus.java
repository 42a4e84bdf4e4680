package nl.rotterdam.schoolsafe.incident.incident;

import java.util.EnumSet;
import java.util.Set;

/** Life cycle of an incident: draft → registered → in follow-up → closed, and reopen with a reason. */
public enum IncidentStatus {
    DRAFT(EnumSet.of(Action.REGISTER, Action.UPDATE)),
    REGISTERED(EnumSet.of(
            Action.UPDATE,
            Action.START_FOLLOW_UP,
            Action.CLOSE,
            Action.DECIDE_POLICE_REPORT,
            Action.RECORD_MEASURE,
            Action.WRITE_SHAREABLE_SUMMARY)),
    IN_FOLLOW_UP(EnumSet.of(
            Action.UPDATE,
            Action.CLOSE,
            Action.DECIDE_POLICE_REPORT,
            Action.RECORD_MEASURE,
            Action.WRITE_SHAREABLE_SUMMARY)),
    CLOSED(EnumSet.of(Action.REOPEN, Action.WRITE_SHAREABLE_SUMMARY));

    /** What can be done to an incident; each status allows some. */
    public enum Action {
        REGISTER,
        UPDATE,
        START_FOLLOW_UP,
        CLOSE,
        REOPEN,
        DECIDE_POLICE_REPORT,
        RECORD_MEASURE,
        WRITE_SHAREABLE_SUMMARY
    }

    private final Set<Action> allowed;

    IncidentStatus(Set<Action> allowed) {
        this.allowed = allowed;
    }

    public Set<Action> allowed() {
        return allowed;
    }

    public boolean allows(Action action) {
        return allowed.contains(action);
    }
}
