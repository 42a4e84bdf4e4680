package nl.rotterdam.schoolsafe.subsidy.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A programme's money for one sector (budget). Its balance is written by the database as ledger
 * entries arrive and can never go below zero; Java only reads it.
 */
@Entity
public class Pot extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "programme_id")
    public Programme programme;
    @Enumerated(EnumType.STRING)
    public PotSector sector;
    @Column(name = "amount_cents")
    public long amountCents;
    @Column(name = "balance_cents", insertable = false, updatable = false)
    public long balanceCents;
    @Column(name = "exhausted_at")
    public OffsetDateTime exhaustedAt;

    protected Pot() {
    }

    Pot(Programme programme, PotSector sector, long amountCents) {
        this.id = UUID.randomUUID();
        this.programme = programme;
        this.sector = sector;
        this.amountCents = amountCents;
    }
}
