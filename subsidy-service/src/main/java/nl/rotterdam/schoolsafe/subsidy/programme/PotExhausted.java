package nl.rotterdam.schoolsafe.subsidy.programme;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.PotExhaustedEvent;

/** A pot's balance reached zero for the first time. */
record PotExhausted(Pot pot) implements DomainEvent {
    @Override
    public EventType type() {
        return EventType.SUBSIDY_POT_EXHAUSTED;
    }

    @Override
    public String key() {
        return pot.id().toString();
    }

    @Override
    public PotExhaustedEvent payload() {
        return new PotExhaustedEvent(
                pot.id(),
                pot.programme().id(),
                pot.programme().schoolYear(),
                pot.sector().name(),
                pot.amountCents(),
                pot.exhaustedAt());
    }
}
