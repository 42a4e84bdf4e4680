package nl.rotterdam.schoolsafe.subsidy.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A subsidy programme (regeling) for one school year, with a pot per sector. */
@Entity
public class Programme extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "school_year")
    public String schoolYear;
    public String name;
    @Enumerated(EnumType.STRING)
    public AllocationMethod method;
    @Column(name = "four_eyes_above_cents")
    public long fourEyesAboveCents;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;
    @OneToMany(mappedBy = "programme", cascade = CascadeType.PERSIST)
    @OrderBy("sector")
    public List<Pot> pots = new ArrayList<>();

    protected Programme() {
    }

    public static Programme start(String schoolYear, String name, AllocationMethod method, long fourEyesAboveCents, OffsetDateTime now) {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.schoolYear = schoolYear;
        programme.name = name;
        programme.method = method;
        programme.fourEyesAboveCents = fourEyesAboveCents;
        programme.createdAt = now;
        return programme;
    }

    public Pot fund(PotSector sector, long amountCents) {
        Pot pot = new Pot(this, sector, amountCents);
        pots.add(pot);
        return pot;
    }

    public Optional<Pot> pot(PotSector sector) {
        return pots.stream().filter(p -> p.sector == sector).findFirst();
    }

    /** Whether a decision of this size needs a second municipal officer. */
    public boolean needsSecondApprover(long cents) {
        return cents > fourEyesAboveCents;
    }
}
