package nl.rotterdam.schoolsafe.incident.register;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.change.DomainEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A safety partner organisation (ketenpartner): police, ZVHRR, youth work, youth enforcers, HALT, PSHi. */
@Entity
public class Partner extends RetirableEntry {
    @Schema(name = "PartnerKind", description = "Kind of partner")
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
        described(now);
    }

    @Override
    protected DomainEvent published() {
        return new PartnerRegistered(this);
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
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("name", name);
        snapshot.put("kind", kind);
        snapshot.put("retiredReason", retiredReason());
        return snapshot;
    }
}
