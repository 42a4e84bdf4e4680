package nl.rotterdam.schoolsafe.escalation.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** This service's projection of an incident: the shareable facts of its latest event, never text. */
@Entity
@Table(name = "incident_seen")
public class SeenIncident extends PanacheEntityBase {
    @Id
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "school_location_id")
    public String schoolLocationId;
    @Column(name = "district_id")
    public String districtId;
    @Column(name = "location_type")
    public String locationType;
    public String category;
    public String severity;
    public String status;
    @Column(name = "police_report_status")
    public String policeReportStatus;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @ElementCollection
    @CollectionTable(name = "incident_person_seen", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    public List<Person> persons = new ArrayList<>();

    @Embeddable
    public static class Person {
        public String pseudonym;
        public String role;
        public String kind;
        @Column(name = "school_location_id")
        public String schoolLocationId;
        public boolean minor;
    }

    void apply(IncidentEvent event) {
        incidentId = event.incidentId();
        schoolLocationId = event.schoolLocationId();
        districtId = event.district();
        locationType = event.locationType();
        category = event.category();
        severity = event.severity();
        status = event.status();
        policeReportStatus = event.policeReportStatus() == null ? "NONE" : event.policeReportStatus();
        occurredAt = event.occurredAt();
        persons.clear();
        for (IncidentEvent.InvolvedPerson p : event.involvedPersons()) {
            Person person = new Person();
            person.pseudonym = p.pseudonym();
            person.role = p.role();
            person.kind = p.kind();
            person.schoolLocationId = p.schoolLocationId();
            person.minor = p.minor();
            persons.add(person);
        }
    }
}
