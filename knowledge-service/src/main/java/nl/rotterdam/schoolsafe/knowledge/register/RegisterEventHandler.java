package nl.rotterdam.schoolsafe.knowledge.register;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import nl.rotterdam.schoolsafe.platform.event.EventTypes;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;

import java.util.Set;

/** Projects the register's school locations: a board sees what concerns its own locations. */
@ApplicationScoped
public class RegisterEventHandler implements EventHandler {
    private final EventPayloads payloads;

    RegisterEventHandler(EventPayloads payloads) {
        this.payloads = payloads;
    }

    @Override
    public String name() {
        return "register-events";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REGISTER);
    }

    @Override
    public void handle(CloudEvent event) {
        if (!EventTypes.SCHOOL_LOCATION_REGISTERED.equals(event.getType())) {
            return;
        }
        SchoolLocationEvent location = payloads.read(event, SchoolLocationEvent.class);
        if (location.schoolLocationId() == null || location.boardId() == null) {
            throw new UnprocessableEvent("payload of " + event.getId() + " lacks schoolLocationId or boardId");
        }
        SeenSchoolLocation seen = SeenSchoolLocation.<SeenSchoolLocation>findByIdOptional(location.schoolLocationId())
                .orElseGet(SeenSchoolLocation::new);
        seen.schoolLocationId = location.schoolLocationId();
        seen.boardId = location.boardId();
        seen.sector = location.sector();
        seen.district = location.district();
        seen.persist();
    }
}
