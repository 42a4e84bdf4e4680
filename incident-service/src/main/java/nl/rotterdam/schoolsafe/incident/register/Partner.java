package nl.rotterdam.schoolsafe.incident.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/** A safety partner organisation (ketenpartner): police, ZVHRR, youth work, youth enforcers, HALT, PSHi. */
@Entity
public class Partner extends AggregateRoot {
    public enum Kind {
        POLICE,
        ZVHRR,
        YOUTH_WORK,
        YOUTH_ENFORCERS,
        HALT,
        PSHI
    }

    @Id
    private String id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "retired_reason")
    private String retiredReason;

    protected Partner() {}

    static Partner register(String id, String name, Kind kind, OffsetDateTime now) {
        Partner partner = new Partner();
        partner.id = id;
        partner.describe(name, kind, now);
        return partner;
    }

    /** Replaces the partner's description; the register topic gets the whole partner again. */
    void describe(String name, Kind kind, OffsetDateTime now) {
        this.name = name;
        this.kind = kind;
        this.updatedAt = now;
        this.retiredAt = null;
        this.retiredReason = null;
        registerEvent(new PartnerRegistered(this));
    }

    /**
     * Takes an entry made by mistake out of the register, with the administrator's reason: it is
     * no longer listed and the other services learn it from the register topic. Registering it
     * again brings it back.
     */
    void retire(String reason, OffsetDateTime now) {
        if (retired()) {
            throw ProblemException.illegalState(
                    "the partner was retired on " + retiredAt, "RETIRED", List.of("REGISTER"));
        }
        this.retiredAt = now;
        this.retiredReason = reason;
        registerEvent(new PartnerRegistered(this));
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

    public Kind kind() {
        return kind;
    }

    @Override
    public String aggregateType() {
        return "partner";
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
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", name);
        snapshot.put("kind", kind);
        snapshot.put("retiredReason", retiredReason);
        return snapshot;
    }
}
