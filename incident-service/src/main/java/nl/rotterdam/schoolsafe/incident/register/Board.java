package nl.rotterdam.schoolsafe.incident.register;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;

/** A school board (onderwijsbestuur), e.g. BOOR or Albeda. */
@Entity
public class Board extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    protected Board() {
    }

    Board(String id) {
        this.id = id;
    }

    void describe(String name, OffsetDateTime now) {
        this.name = name;
        this.updatedAt = now;
    }
}
