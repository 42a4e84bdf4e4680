package nl.rotterdam.schoolsafe.incident.register;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;

/** A safety partner organisation (ketenpartner): police, ZVHRR, youth work, youth enforcers, HALT, PSHi. */
@Entity
public class Partner extends PanacheEntityBase {
    public enum Kind { POLICE, ZVHRR, YOUTH_WORK, YOUTH_ENFORCERS, HALT, PSHI }

    @Id
    public String id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    protected Partner() {
    }

    Partner(String id) {
        this.id = id;
    }

    void describe(String name, Kind kind, OffsetDateTime now) {
        this.name = name;
        this.kind = kind;
        this.updatedAt = now;
    }
}
