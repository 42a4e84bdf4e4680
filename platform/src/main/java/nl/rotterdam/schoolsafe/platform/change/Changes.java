package nl.rotterdam.schoolsafe.platform.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.rotterdam.schoolsafe.platform.audit.AuditTrail;
import nl.rotterdam.schoolsafe.platform.http.Etags;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The one way an aggregate changes: load (the caller's repository applies tenancy) → If-Match →
 * the intention → flush → audit before/after → work that must come last → move every registered
 * event to the outbox, all in the caller's transaction. The answer's version is the new ETag.
 */
@ApplicationScoped
public class Changes {
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Instance<FollowingEvents> followers;

    Changes(EntityManager entityManager, AuditTrail audit, Outbox outbox, @Any Instance<FollowingEvents> followers) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.outbox = outbox;
        this.followers = followers;
    }

    /** Creates an aggregate: persists it, audits it against nothing and moves the events it registered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <A extends AggregateRoot> A create(A aggregate, String actor, String action) {
        aggregate.persist();
        entityManager.flush();
        audit.record(
                aggregate.aggregateType(),
                aggregate.aggregateId(),
                aggregate.owner(),
                actor,
                action,
                AuditTrail.diff(Map.of(), aggregate.snapshot()));
        moveEvents();
        return aggregate;
    }

    /**
     * Starts a change of an aggregate the caller's repository found within the caller's reach; an
     * absent one is a 404 naming {@code what}, the same whether it is missing or someone else's.
     */
    public <A extends AggregateRoot> Change<A> of(Optional<A> found, String what) {
        return new Change<>(found.orElseThrow(() -> ProblemException.notFound(what)));
    }

    /** A change of an aggregate the system itself holds, e.g. a scheduler's or an event handler's. */
    public <A extends AggregateRoot> Change<A> of(A aggregate) {
        return new Change<>(aggregate);
    }

    /** One change in the making; {@link #apply} or {@link #decide} runs it. */
    public final class Change<A extends AggregateRoot> {
        private final A aggregate;
        private String ifMatch;
        private boolean ifMatchRequired;
        private String actor = "system";
        private final Map<String, AuditTrail.Change> details = new LinkedHashMap<>();
        private final List<Consumer<A>> last = new ArrayList<>();

        private Change(A aggregate) {
            this.aggregate = aggregate;
        }

        /** The ETag the client based the change on; without one the answer is 428, another version 412. */
        public Change<A> ifMatch(String header) {
            this.ifMatch = header;
            this.ifMatchRequired = true;
            return this;
        }

        /** Checks the ETag when the client sent one; a change that needs none may go without. */
        public Change<A> ifMatchWhenSent(String header) {
            this.ifMatch = header;
            this.ifMatchRequired = false;
            return this;
        }

        public Change<A> by(String actor) {
            this.actor = actor;
            return this;
        }

        /** A fact about the change that the state does not show, kept in the audit entry (e.g. a reason). */
        public Change<A> detail(String field, Object value) {
            return detail(field, null, value);
        }

        /** A before and after the aggregate's snapshot does not show, e.g. a place on a waiting list. */
        public Change<A> detail(String field, Object before, Object after) {
            details.put(field, new AuditTrail.Change(before, after));
            return this;
        }

        /** Work that must come last in the transaction, after the audit: e.g. money, whose ledger row lock lasts until commit. */
        public Change<A> finallyDo(Consumer<A> work) {
            last.add(work);
            return this;
        }

        /** Runs the intention; returns the changed aggregate with its new version. */
        @Transactional(Transactional.TxType.MANDATORY)
        public A apply(String action, Consumer<A> intention) {
            return decide(action, a -> {
                intention.accept(a);
                return a;
            });
        }

        /** Runs an intention that makes something (a measure, a registration) and returns what it made. */
        @Transactional(Transactional.TxType.MANDATORY)
        public <R> R decide(String action, Function<A, R> intention) {
            if (ifMatchRequired || ifMatch != null) {
                Etags.requireMatch(ifMatch, aggregate.version());
            }
            long versionBefore = aggregate.version();
            Map<String, Object> before = aggregate.snapshot();
            R result = intention.apply(aggregate);
            entityManager.flush();
            if (aggregate.version() == versionBefore) {
                // the change touched only child rows: the root's version still has to move for the ETag
                entityManager.lock(aggregate, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            }
            Map<String, AuditTrail.Change> changes = AuditTrail.diff(before, aggregate.snapshot());
            changes.putAll(details);
            audit.record(aggregate.aggregateType(), aggregate.aggregateId(), aggregate.owner(), actor, action, changes);
            moveEvents();
            if (!last.isEmpty()) {
                // the last work may lock a hot row until commit: nothing else is written after it but its own events
                last.forEach(work -> work.accept(aggregate));
                moveEvents();
            }
            return result;
        }
    }

    /** Moves the events of every aggregate in this transaction, in the order they were registered. */
    private void moveEvents() {
        entityManager.flush();
        List<AggregateRoot.Registered> registered = new ArrayList<>();
        for (Map.Entry<Object, EntityEntry> entry : entityManager
                .unwrap(SessionImplementor.class)
                .getPersistenceContextInternal()
                .reentrantSafeEntityEntries()) {
            if (entry.getKey() instanceof AggregateRoot aggregate) {
                registered.addAll(aggregate.takeEvents());
            }
        }
        registered.sort(Comparator.comparingLong(AggregateRoot.Registered::order));
        for (AggregateRoot.Registered r : registered) {
            DomainEvent event = r.event();
            Record payload = event.payload();
            if (!event.type().payload().isInstance(payload)) {
                throw new IllegalStateException(
                        event.type() + " carries " + event.type().payload().getSimpleName() + ", not "
                                + payload.getClass().getSimpleName());
            }
            outbox.record(event.type(), event.topic(), event.key(), payload);
            for (FollowingEvents follower : followers) {
                for (DomainEvent following : follower.following(event)) {
                    outbox.record(following.type(), following.topic(), following.key(), following.payload());
                }
            }
        }
    }
}
