package nl.rotterdam.schoolsafe.incident.register;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One of Rotterdam's areas (gebieden); fixed reference data seeded by migration. */
@Entity
public class District extends PanacheEntityBase {
    @Id
    public String id;

    public String name;
}
