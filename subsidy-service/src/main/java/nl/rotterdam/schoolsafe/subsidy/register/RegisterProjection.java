package nl.rotterdam.schoolsafe.subsidy.register;

import io.cloudevents.CloudEvent;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.Set;
import nl.rotterdam.schoolsafe.platform.event.BoardEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;
import nl.rotterdam.schoolsafe.platform.inbox.RegisterListener;

/**
 * Keeps the locations, boards and incidents the subsidy rules need: which board a location
 * belongs to, its sector and pupils, and when and what its incidents were (no persons).
 */
@Singleton
public class RegisterProjection extends RegisterListener {
    private final EventPayloads payloads;
    private final EntityManager entityManager;

    RegisterProjection(EventPayloads payloads, EntityManager entityManager) {
        super(payloads);
        this.payloads = payloads;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "register-and-incidents";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REGISTER, Topics.INCIDENT);
    }

    /** Incidents here; the register's records as every service's projection reads them. */
    @Override
    public void handle(CloudEvent event) {
        switch (EventType.of(event.getType()).orElse(EventType.PARTNER_REGISTERED)) {
            case INCIDENT_REPORTED, INCIDENT_UPDATED, INCIDENT_CLOSED ->
                incident(payloads.read(event, IncidentEvent.class), event.getId());
            default -> super.handle(event);
        }
    }

    @Override
    protected void schoolLocation(SchoolLocationEvent l) {
        entityManager
                .createNativeQuery("""
                        INSERT INTO location_seen (school_location_id, name, board_id, sector, district, pupil_count)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (school_location_id) DO UPDATE SET name = EXCLUDED.name, board_id = EXCLUDED.board_id,
                            sector = EXCLUDED.sector, district = EXCLUDED.district, pupil_count = EXCLUDED.pupil_count""")
                .setParameter(1, l.schoolLocationId())
                .setParameter(2, l.name())
                .setParameter(3, l.boardId())
                .setParameter(4, l.sector())
                .setParameter(5, l.district())
                .setParameter(6, l.pupilCount())
                .executeUpdate();
    }

    @Override
    protected void board(BoardEvent b) {
        entityManager
                .createNativeQuery("""
                        INSERT INTO board_seen (board_id, name) VALUES (?1, ?2)
                        ON CONFLICT (board_id) DO UPDATE SET name = EXCLUDED.name""")
                .setParameter(1, b.boardId())
                .setParameter(2, b.name())
                .executeUpdate();
    }

    private void incident(IncidentEvent i, String eventId) {
        if (i.incidentId() == null || i.schoolLocationId() == null || i.category() == null || i.occurredAt() == null) {
            throw new UnprocessableEvent(
                    "payload of " + eventId + " lacks incidentId, schoolLocationId, category or occurredAt");
        }
        entityManager
                .createNativeQuery("""
                        INSERT INTO incident_seen (incident_id, school_location_id, category, occurred_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (incident_id) DO UPDATE SET school_location_id = EXCLUDED.school_location_id,
                            category = EXCLUDED.category, occurred_at = EXCLUDED.occurred_at""")
                .setParameter(1, i.incidentId())
                .setParameter(2, i.schoolLocationId())
                .setParameter(3, i.category())
                .setParameter(4, i.occurredAt())
                .executeUpdate();
    }
}
