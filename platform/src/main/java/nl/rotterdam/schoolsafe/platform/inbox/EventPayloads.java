package nl.rotterdam.schoolsafe.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import nl.rotterdam.schoolsafe.platform.inbox.EventHandler.UnprocessableEvent;

/** Reads an event's JSON payload; a missing or unreadable payload makes the event unprocessable (parked). */
@ApplicationScoped
public class EventPayloads {
    private final ObjectMapper json;

    EventPayloads(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(CloudEvent event, Class<T> type) {
        if (event.getData() == null) {
            throw new UnprocessableEvent("event " + event.getId() + " has no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new UnprocessableEvent(
                    "payload of " + event.getId() + " is not a " + type.getSimpleName() + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
