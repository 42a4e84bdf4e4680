package nl.rotterdam.schoolsafe.subsidy.application;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.SubsidyApplicationEvent;
import nl.rotterdam.schoolsafe.subsidy.programme.Pot;

/** An application submitted or decided; the topic gets amounts and status, never the plan or the reason. */
record ApplicationChanged(EventType type, Application application) implements DomainEvent {
    @Override
    public String key() {
        return application.id().toString();
    }

    @Override
    public SubsidyApplicationEvent payload() {
        Application a = application;
        Pot pot = a.pot();
        return new SubsidyApplicationEvent(
                a.id(),
                a.programmeId(),
                pot.programme().schoolYear(),
                pot.sector().name(),
                a.boardId(),
                a.schoolLocationId(),
                a.theme().name(),
                a.category().name(),
                a.status().name(),
                a.requestedCents(),
                a.grantedCents(),
                a.settledCents());
    }
}
