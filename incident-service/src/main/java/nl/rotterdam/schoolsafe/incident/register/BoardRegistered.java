package nl.rotterdam.schoolsafe.incident.register;

import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.BoardEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;

/** A board was registered or described anew; keyed per board on the compacted register topic. */
public record BoardRegistered(Board board) implements DomainEvent {

    @Override
    public EventType type() {
        return EventType.BOARD_REGISTERED;
    }

    @Override
    public String key() {
        return "board:" + board.id();
    }

    @Override
    public BoardEvent payload() {
        return new BoardEvent(board.id(), board.name(), board.retired());
    }
}
