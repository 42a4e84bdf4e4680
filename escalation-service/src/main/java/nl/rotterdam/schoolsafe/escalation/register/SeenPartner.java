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
    private String partnerId;

    private String name;
    private String kind;
    private boolean retired;

    protected SeenPartner() {}

    SeenPartner(String partnerId) {
        this.partnerId = partnerId;
    }

    void describe(String name, String kind, boolean retired) {
        this.name = name;
        this.kind = kind;
        this.retired = retired;
    }

    /** Taken out of the register: it can no longer be engaged. */
    public boolean retired() {
        return retired;
    }

    public String partnerId() {
        return partnerId;
    }

    public String name() {
        return name;
    }

    /** The register's kind of organisation (POLICE, ZVHRR, YOUTH_WORK…): the sharing matrix column follows from it. */
    public String kind() {
        return kind;
    }
}
