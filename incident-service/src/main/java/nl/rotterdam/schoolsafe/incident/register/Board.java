package nl.rotterdam.schoolsafe.incident.register;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;

/** A school board (onderwijsbestuur), e.g. BOOR or Albeda. */
@Entity
public class Board extends RetirableEntry {
    @Id
    private String id;

    private String name;

    protected Board() {}

    static Board register(String id, String name, OffsetDateTime now) {
        Board board = new Board();
        board.id = id;
        board.describe(name, now);
        return board;
    }

    /** Replaces the board's description; the register topic gets the whole board again. */
    void describe(String name, OffsetDateTime now) {
        this.name = name;
        described(now);
    }

    @Override
    protected DomainEvent published() {
        return new BoardRegistered(this);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    @Override
    public String aggregateType() {
        return "board";
    }

    @Override
    public String aggregateId() {
        return id;
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("name", name);
        snapshot.put("retiredReason", retiredReason());
        return snapshot;
    }
}
