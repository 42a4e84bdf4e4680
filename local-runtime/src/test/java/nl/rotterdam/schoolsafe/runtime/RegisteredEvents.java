package nl.rotterdam.schoolsafe.runtime;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;

/**
 * For plain unit tests of intention methods, where no pipeline moves the events: what an aggregate
 * registered since the test last looked. The aggregate's own events are left as they are.
 */
public final class RegisteredEvents {
    private static final Map<AggregateRoot, Integer> SEEN = new WeakHashMap<>();

    private RegisteredEvents() {}

    /** The events registered since the last call for this aggregate, in order. */
    public static synchronized List<DomainEvent> take(AggregateRoot aggregate) {
        List<DomainEvent> pending = aggregate.pendingEvents();
        int seen = SEEN.getOrDefault(aggregate, 0);
        SEEN.put(aggregate, pending.size());
        return List.copyOf(pending.subList(seen, pending.size()));
    }
}
