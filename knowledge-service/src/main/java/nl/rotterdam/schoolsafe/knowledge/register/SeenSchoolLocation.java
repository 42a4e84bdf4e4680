package nl.rotterdam.schoolsafe.knowledge.register;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A school location as the register topic last described it: here only to know its board. */
@Entity
@Table(name = "school_location_seen")
public class SeenSchoolLocation extends PanacheEntityBase {
    @Id
    @Column(name = "school_location_id")
    public String schoolLocationId;

    @Column(name = "board_id")
    public String boardId;

    public String sector;
    public String district;
}
