package nl.rotterdam.schoolsafe.platform.inbox;

import io.cloudevents.CloudEvent;
import java.util.Set;
import nl.rotterdam.schoolsafe.platform.event.BoardEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.platform.event.PartnerEvent;
import nl.rotterdam.schoolsafe.platform.event.SchoolLocationEvent;
import nl.rotterdam.schoolsafe.platform.event.Topics;

/**
 * How every service keeps its projection of the register: one consumer of the compacted register
 * topic per service that reads each record's payload and hands it to the projection. A service
 * overrides the kinds it keeps and translates them into its own types. Subclasses are
 * {@code @Singleton}s: a normal-scoped proxy would need a constructor without the payload reader.
 */
public abstract class RegisterListener implements EventHandler {
    private final EventPayloads payloads;

    protected RegisterListener(EventPayloads payloads) {
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
        EventType.of(event.getType()).ifPresent(type -> {
            switch (type) {
                case BOARD_REGISTERED -> board(payloads.read(event, BoardEvent.class));
                case SCHOOL_LOCATION_REGISTERED -> schoolLocation(payloads.read(event, SchoolLocationEvent.class));
                case PARTNER_REGISTERED -> partner(payloads.read(event, PartnerEvent.class));
                default -> {
                    // not a register event: another producer's record on the topic is no concern of a projection
                }
            }
        });
    }

    protected void board(BoardEvent board) {}

    protected void schoolLocation(SchoolLocationEvent location) {}

    protected void partner(PartnerEvent partner) {}
}
