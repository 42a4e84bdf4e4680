package nl.rotterdam.schoolsafe.incident.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;

/** A school location (vestiging), identified by BRIN and location number. */
@Entity
@Table(name = "school_location")
public class SchoolLocation extends AggregateRoot {
    @Id
    private String id;

    private String brin;

    @Column(name = "location_number")
    private String locationNumber;

    private String name;

    @Column(name = "board_id")
    private String boardId;

    @Enumerated(EnumType.STRING)
    private Sector sector;

    @Column(name = "district_id")
    private String districtId;

    @Column(name = "pupil_count")
    private int pupilCount;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected SchoolLocation() {}

    static SchoolLocation register(String id, SchoolLocationRequest request, OffsetDateTime now) {
        SchoolLocation location = new SchoolLocation();
        location.id = id;
        location.describe(request, now);
        return location;
    }

    /** Replaces the location's description; the register topic gets the whole location again. */
    void describe(SchoolLocationRequest request, OffsetDateTime now) {
        this.brin = request.brin();
        this.locationNumber = request.locationNumber();
        this.name = request.name();
        this.boardId = request.boardId();
        this.sector = request.sector();
        this.districtId = request.district();
        this.pupilCount = request.pupilCount();
        this.updatedAt = now;
        registerEvent(new SchoolLocationRegistered(this));
    }

    public String id() {
        return id;
    }

    public String brin() {
        return brin;
    }

    public String locationNumber() {
        return locationNumber;
    }

    public String name() {
        return name;
    }

    public String boardId() {
        return boardId;
    }

    public Sector sector() {
        return sector;
    }

    public String districtId() {
        return districtId;
    }

    public int pupilCount() {
        return pupilCount;
    }

    @Override
    public String aggregateType() {
        return "school-location";
    }

    @Override
    public String aggregateId() {
        return id;
    }

    @Override
    public String owner() {
        return RegisterService.OWNER;
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("brin", brin);
        snapshot.put("locationNumber", locationNumber);
        snapshot.put("name", name);
        snapshot.put("boardId", boardId);
        snapshot.put("sector", sector);
        snapshot.put("districtId", districtId);
        snapshot.put("pupilCount", pupilCount);
        return snapshot;
    }
}
