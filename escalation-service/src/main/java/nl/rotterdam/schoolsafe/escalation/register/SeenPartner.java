package nl.rotterdam.schoolsafe.escalation.register;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner organisation as the register topic last described it. */
@Entity
@Table(name = "partner_seen")
public class SeenPartner extends PanacheEntityBase {
    @Id
    @Column(name = "partner_id")
    public String partnerId;
    public String name;
    public String kind;
}
