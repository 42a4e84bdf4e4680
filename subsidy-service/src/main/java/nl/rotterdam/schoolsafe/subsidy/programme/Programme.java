package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * A subsidy programme (regeling) for one school year and its rules. It creates a pot per sector;
 * the pots are aggregates of their own (see {@link Pot}).
 */
@Entity
public class Programme extends AggregateRoot {
    @Id
    private UUID id;

    @Column(name = "school_year")
    private String schoolYear;

    private String name;

    @Enumerated(EnumType.STRING)
    private AllocationMethod method;

    @Column(name = "four_eyes_above_cents")
    private long fourEyesAboveCents;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "programme", cascade = CascadeType.PERSIST)
    @OrderBy("sector")
    private List<Pot> pots = new ArrayList<>();

    protected Programme() {}

    public static Programme start(
            String schoolYear, String name, AllocationMethod method, long fourEyesAboveCents, OffsetDateTime now) {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.schoolYear = schoolYear;
        programme.name = name;
        programme.method = method;
        programme.fourEyesAboveCents = fourEyesAboveCents;
        programme.createdAt = now;
        return programme;
    }

    /** A pot for a sector that has none yet; its money arrives as the ledger's first entry. */
    public Pot fund(PotSector sector, long amountCents) {
        if (pot(sector).isPresent()) {
            throw ProblemException.invalid("pots", "must have at most one pot per sector");
        }
        Pot pot = new Pot(this, sector, amountCents);
        pots.add(pot);
        return pot;
    }

    public Optional<Pot> pot(PotSector sector) {
        return pots.stream().filter(p -> p.sector() == sector).findFirst();
    }

    /** Whether a decision of this size needs a second municipal officer. */
    public boolean needsSecondApprover(long cents) {
        return cents > fourEyesAboveCents;
    }

    @Override
    public String aggregateType() {
        return "programme";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    @Override
    public String owner() {
        return "municipality";
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> pots = new LinkedHashMap<>();
        this.pots.forEach(p -> pots.put(p.sector().name(), p.amountCents()));
        return Map.of(
                "schoolYear",
                schoolYear,
                "name",
                name,
                "method",
                method,
                "fourEyesAboveCents",
                fourEyesAboveCents,
                "potAmountCents",
                pots);
    }

    public UUID id() {
        return id;
    }

    public String schoolYear() {
        return schoolYear;
    }

    public String name() {
        return name;
    }

    public AllocationMethod method() {
        return method;
    }

    public long fourEyesAboveCents() {
        return fourEyesAboveCents;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<Pot> pots() {
        return Collections.unmodifiableList(pots);
    }
}
