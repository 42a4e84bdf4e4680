package nl.rotterdam.schoolsafe.incident.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A school's incident (melding): the aggregate root; it changes only through its own methods. */
@Entity
public class Incident extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "school_location_id")
    public String schoolLocationId;
    @Column(name = "district_id")
    public String districtId;
    @Enumerated(EnumType.STRING)
    @Column(name = "location_type")
    public LocationType locationType;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Enumerated(EnumType.STRING)
    public Severity severity;
    public String description;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "reported_at")
    public OffsetDateTime reportedAt;
    @Enumerated(EnumType.STRING)
    public IncidentStatus status;
    @Column(name = "registered_by")
    public String registeredBy;
    @Version
    public long version;
    @ElementCollection
    @CollectionTable(name = "involved_person", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    public List<InvolvedPerson> involvedPersons = new ArrayList<>();

    protected Incident() {
    }

    /** What a school reports; the facts are checked here, the request's shape at the edge. */
    public record Facts(String schoolLocationId, String districtId, LocationType locationType, Category category,
                        Severity severity, String description, OffsetDateTime occurredAt, List<InvolvedPerson> involvedPersons) {
    }

    public static Incident register(Facts facts, String registeredBy, OffsetDateTime now) {
        if (facts.occurredAt().isAfter(now)) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.schoolLocationId = facts.schoolLocationId();
        incident.districtId = facts.districtId();
        incident.locationType = facts.locationType();
        incident.category = facts.category();
        incident.severity = facts.severity();
        incident.description = facts.description();
        incident.occurredAt = facts.occurredAt();
        incident.reportedAt = now;
        incident.involvedPersons.addAll(facts.involvedPersons());
        incident.registeredBy = registeredBy;
        incident.status = IncidentStatus.REGISTERED;
        return incident;
    }
}
