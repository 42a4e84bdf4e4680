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
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "accepted_evidence_levels")
    private String[] acceptedEvidenceLevels = new String[0];

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "programme", cascade = CascadeType.PERSIST)
    @OrderBy("sector")
    private List<Pot> pots = new ArrayList<>();

    protected Programme() {}

    public static Programme start(
            String schoolYear,
            String name,
            AllocationMethod method,
            long fourEyesAboveCents,
            Set<EvidenceLevel> acceptedEvidenceLevels,
            OffsetDateTime now) {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.schoolYear = schoolYear;
        programme.name = name;
        programme.method = method;
        programme.fourEyesAboveCents = fourEyesAboveCents;
        programme.acceptedEvidenceLevels =
                acceptedEvidenceLevels.stream().sorted().map(Enum::name).toArray(String[]::new);
        programme.createdAt = now;
        return programme;
    }

    /**
     * A pot for sectors no other pot of the programme serves, so every location draws from one pot at most; its money
     * arrives as the ledger's first entry.
     */
    public Pot fund(PotSector sector, long amountCents) {
        pots.stream().filter(p -> p.sector().overlaps(sector)).findFirst().ifPresent(p -> {
            throw ProblemException.invalid(
                    "pots", "must serve each sector once; " + sector + " overlaps " + p.sector());
        });
        Pot pot = new Pot(this, sector, amountCents);
        pots.add(pot);
        return pot;
    }

    public Optional<Pot> pot(PotSector sector) {
        return pots.stream().filter(p -> p.sector() == sector).findFirst();
    }

    /** The pot a location of the register's sector draws from, if the programme serves it. */
    public Optional<Pot> potFor(String locationSector) {
        return pots.stream().filter(p -> p.sector().serves(locationSector)).findFirst();
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
                "acceptedEvidenceLevels",
                List.of(acceptedEvidenceLevels),
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

    /** The evidence levels an application's intervention must have; empty when naming one is optional. */
    public Set<EvidenceLevel> acceptedEvidenceLevels() {
        return Arrays.stream(acceptedEvidenceLevels)
                .map(EvidenceLevel::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EvidenceLevel.class)));
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<Pot> pots() {
        return Collections.unmodifiableList(pots);
    }
}
