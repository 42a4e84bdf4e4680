package nl.rotterdam.schoolsafe.platform.change;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The root of an aggregate. Its intention methods check the current state, change it and register
 * the event that says what happened; {@link Changes} audits the change and moves the events to the
 * outbox. Only the persistence provider and {@link Changes} touch the version.
 */
@MappedSuperclass
public abstract class AggregateRoot extends PanacheEntityBase {
    private static final AtomicLong ORDER = new AtomicLong();

    @Version
    private long version;

    @Transient
    private final transient List<Registered> events = new ArrayList<>();

    /** The type name the audit trail files this aggregate under, e.g. {@code incident}. */
    public abstract String aggregateType();

    public abstract String aggregateId();

    /** The tenant the audit trail files the change under: a school location, a district, a board. */
    public abstract String owner();

    /** The fields the audit trail compares before and after a change. */
    public Map<String, Object> snapshot() {
        return Map.of();
    }

    /** The version the ETag shows; it grows with every change through {@link Changes}. */
    public long version() {
        return version;
    }

    protected final void registerEvent(DomainEvent event) {
        events.add(new Registered(ORDER.incrementAndGet(), event));
    }

    /** The events registered and not yet moved to the outbox, in order (what a unit test of an intention checks). */
    public List<DomainEvent> pendingEvents() {
        return events.stream().map(Registered::event).toList();
    }

    /** The events registered since the last move, emptied; called by {@link Changes} only. */
    List<Registered> takeEvents() {
        List<Registered> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    /** A registered event with its place in the order events were registered across aggregates. */
    record Registered(long order, DomainEvent event) {}
}
