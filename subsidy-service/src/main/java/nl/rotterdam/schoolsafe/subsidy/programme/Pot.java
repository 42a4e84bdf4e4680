package nl.rotterdam.schoolsafe.subsidy.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.OffsetDateTime;
import java.util.UUID;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;

/**
 * A programme's money for one sector (budget), an aggregate of its own: its balance is the
 * consistency boundary, so money moving in one pot never waits on its programme or the other pot.
 * The database writes the balance as ledger entries arrive and keeps it from going below zero;
 * Java only reads it.
 */
@Entity
public class Pot extends AggregateRoot {
    // Never rewritten: an UPDATE naming these unique-key columns would lock the row exclusively and deadlock with
    // the key-share locks that concurrent ledger inserts hold on it while they wait for their turn.
    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "programme_id", updatable = false)
    private Programme programme;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private PotSector sector;

    @Column(name = "amount_cents", updatable = false)
    private long amountCents;

    @Column(name = "balance_cents", insertable = false, updatable = false)
    private long balanceCents;

    @Column(name = "exhausted_at")
    private OffsetDateTime exhaustedAt;

    protected Pot() {}

    Pot(Programme programme, PotSector sector, long amountCents) {
        this.id = UUID.randomUUID();
        this.programme = programme;
        this.sector = sector;
        this.amountCents = amountCents;
    }

    /**
     * The pot ran empty: the first time only, so it is announced once even when a settlement
     * brings money back and a later grant empties it again.
     */
    void markExhausted(OffsetDateTime now) {
        if (balanceCents != 0) {
            throw new IllegalStateException("pot " + id + " still holds " + balanceCents + " cents");
        }
        if (exhaustedAt != null) {
            return;
        }
        exhaustedAt = now;
        registerEvent(new PotExhausted(this));
    }

    @Override
    public String aggregateType() {
        return "pot";
    }

    @Override
    public String aggregateId() {
        return id.toString();
    }

    @Override
    public String owner() {
        return "municipality";
    }

    public UUID id() {
        return id;
    }

    public Programme programme() {
        return programme;
    }

    public PotSector sector() {
        return sector;
    }

    public long amountCents() {
        return amountCents;
    }

    /** As last read from the database; {@link Ledger#balance} reads the current one. */
    public long balanceCents() {
        return balanceCents;
    }

    public OffsetDateTime exhaustedAt() {
        return exhaustedAt;
    }
}
