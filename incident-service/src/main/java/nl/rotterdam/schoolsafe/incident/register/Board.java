package nl.rotterdam.schoolsafe.incident.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/** A school board (onderwijsbestuur), e.g. BOOR or Albeda. */
@Entity
public class Board extends AggregateRoot {
    @Id
    private String id;

    private String name;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "retired_reason")
    private String retiredReason;

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
        this.retiredAt = null;
        this.retiredReason = null;
        registerEvent(new BoardRegistered(this));
    }

    /**
     * Takes a board entered made by mistake out of the register, with the administrator's reason: it is
     * no longer listed and the other services learn it from the register topic. Registering it
     * again brings it back.
     */
    void retire(String reason, OffsetDateTime now) {
        if (retired()) {
            throw ProblemException.illegalState(
                    "the board was retired on " + retiredAt, "RETIRED", List.of("REGISTER"));
        }
        this.retiredAt = now;
        this.retiredReason = reason;
        registerEvent(new BoardRegistered(this));
    }

    public boolean retired() {
        return retiredAt != null;
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
        Map<String, Object> snapshot = new java.util.LinkedHashMap<>();
        snapshot.put("name", name);
        snapshot.put("retiredReason", retiredReason);
        return snapshot;
    }
}
