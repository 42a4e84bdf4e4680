package nl.rotterdam.schoolsafe.incident.register;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import nl.rotterdam.schoolsafe.platform.event.BoardEvent;
import nl.rotterdam.schoolsafe.platform.event.EventType;
import nl.rotterdam.schoolsafe.runtime.RegisteredEvents;
import org.junit.jupiter.api.Test;

class BoardTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void registeringAndDescribingABoardPublishTheWholeBoardKeyedByIt() {
        Board board = Board.register("boor", "BOOR", NOW);
        board.describe("Stichting BOOR", NOW.plusDays(1));
        List<DomainEvent> events = RegisteredEvents.take(board);
        assertEquals(
                List.of(EventType.BOARD_REGISTERED, EventType.BOARD_REGISTERED),
                events.stream().map(DomainEvent::type).toList());
        assertEquals(
                List.of("board:boor", "board:boor"),
                events.stream().map(DomainEvent::key).toList());
        assertEquals(
                new BoardEvent("boor", "Stichting BOOR", false), events.get(1).payload());
    }
}
