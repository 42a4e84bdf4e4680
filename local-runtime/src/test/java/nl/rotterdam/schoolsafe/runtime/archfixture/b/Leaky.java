package nl.rotterdam.schoolsafe.runtime.archfixture.b;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.outbox.Outbox;
import nl.rotterdam.schoolsafe.runtime.archfixture.a.Cyclic;

/** Fixture: breaks every rule at once (a cycle, a public aggregate field, JAX-RS in an entity, a resource with the EntityManager, an outbox write, a typed native query). */
@Entity
@Path("/leaky")
public class Leaky extends AggregateRoot {
    public Cyclic back;
    EntityManager entityManager;

    public Response answer() {
        return Response.ok().build();
    }

    Object typedNativeQuery() {
        return entityManager.createNativeQuery("SELECT 1", Integer.class).getSingleResult();
    }

    void publish(Outbox outbox, Record payload) {
        outbox.record(EventType.INCIDENT_REPORTED, EventType.INCIDENT_REPORTED.topic(), "key", payload);
    }

    @Override
    public String aggregateType() {
        return "leaky";
    }

    @Override
    public String aggregateId() {
        return "1";
    }

    @Override
    public String owner() {
        return "nobody";
    }
}
