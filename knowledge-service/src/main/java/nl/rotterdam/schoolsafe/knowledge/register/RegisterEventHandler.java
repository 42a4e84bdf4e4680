package nl.rotterdam.schoolsafe.knowledge.register;

import jakarta.inject.Singleton;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler.UnprocessableEvent;
import nl.rotterdam.schoolsafe.platform.inbox.EventPayloads;
import nl.rotterdam.schoolsafe.platform.inbox.RegisterListener;

/** Projects the register's school locations: a board sees what concerns its own locations. */
@Singleton
public class RegisterEventHandler extends RegisterListener {

    RegisterEventHandler(EventPayloads payloads) {
        super(payloads);
    }

    @Override
    protected void schoolLocation(SchoolLocationEvent location) {
        if (location.schoolLocationId() == null || location.boardId() == null) {
            throw new UnprocessableEvent("a school location event lacks schoolLocationId or boardId");
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
