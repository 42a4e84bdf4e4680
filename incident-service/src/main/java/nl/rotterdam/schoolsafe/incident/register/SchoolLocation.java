package nl.rotterdam.schoolsafe.incident.register;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A school location (vestiging), identified by BRIN and location number. */
@Entity
@Table(name = "school_location")
public class SchoolLocation extends PanacheEntityBase {
    @Id
    public String id;
    public String brin;
    @Column(name = "location_number")
    public String locationNumber;
    public String name;
    @Column(name = "board_id")
    public String boardId;
    @Enumerated(EnumType.STRING)
    public Sector sector;
    @Column(name = "district_id")
    public String districtId;
    @Column(name = "pupil_count")
    public int pupilCount;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    protected SchoolLocation() {
    }

    SchoolLocation(String id) {
        this.id = id;
    }

    void describe(SchoolLocationRequest request, OffsetDateTime now) {
        this.brin = request.brin();
        this.locationNumber = request.locationNumber();
        this.name = request.name();
        this.boardId = request.boardId();
        this.sector = request.sector();
        this.districtId = request.district();
        this.pupilCount = request.pupilCount();
        this.updatedAt = now;
    }
}
