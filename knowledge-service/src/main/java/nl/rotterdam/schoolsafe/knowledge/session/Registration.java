package nl.rotterdam.schoolsafe.knowledge.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registration (aanmelding) of one member of school staff for a session: confirmed, waiting or cancelled; part of its session. */
@Entity
@Table(name = "session_registration")
public class Registration extends PanacheEntityBase {
    @Schema(name = "RegistrationStatus", description = "Where a registration stands")
    public enum Status {
        CONFIRMED,
        WAITING,
        CANCELLED
    }

    @Id
    UUID id;

    @Column(name = "session_id")
    UUID sessionId;
    /** The token subject of the registrant: an opaque account id, never a name. */
    String registrant;

    @Column(name = "school_location_id")
    String schoolLocationId;

    @Enumerated(EnumType.STRING)
    Status status;
    /** Order on the waiting list, lower first; null unless waiting. */
    @Column(name = "queue_key")
    Long queueKey;

    @Column(name = "registered_at")
    OffsetDateTime registeredAt;

    @Column(name = "confirmed_at")
    OffsetDateTime confirmedAt;

    @Column(name = "cancelled_at")
    OffsetDateTime cancelledAt;

    protected Registration() {}

    static Registration confirmed(UUID sessionId, String registrant, String schoolLocationId, OffsetDateTime now) {
        Registration registration = create(sessionId, registrant, schoolLocationId, now);
        registration.status = Status.CONFIRMED;
        registration.confirmedAt = now;
        return registration;
    }

    static Registration waiting(
            UUID sessionId, String registrant, String schoolLocationId, long queueKey, OffsetDateTime now) {
        Registration registration = create(sessionId, registrant, schoolLocationId, now);
        registration.status = Status.WAITING;
        registration.queueKey = queueKey;
        return registration;
    }

    private static Registration create(UUID sessionId, String registrant, String schoolLocationId, OffsetDateTime now) {
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.sessionId = sessionId;
        registration.registrant = registrant;
        registration.schoolLocationId = schoolLocationId;
        registration.registeredAt = now;
        return registration;
    }

    boolean active() {
        return status != Status.CANCELLED;
    }

    void promote(OffsetDateTime now) {
        status = Status.CONFIRMED;
        queueKey = null;
        confirmedAt = now;
    }

    void cancel(OffsetDateTime now) {
        status = Status.CANCELLED;
        queueKey = null;
        cancelledAt = now;
    }
}
