package nl.rotterdam.schoolsafe.incident.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;

/** A school board (onderwijsbestuur), e.g. BOOR or Albeda. */
@Entity
public class Board extends AggregateRoot {
    @Id
    private String id;

    private String name;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

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
        this.updatedAt = now;
        registerEvent(new BoardRegistered(this));
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
    public String owner() {
        return RegisterService.OWNER;
    }

    @Override
    public Map<String, Object> snapshot() {
        return Map.of("name", name);
    }
}
