package nl.rotterdam.schoolsafe.escalation.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** This service's projection of an incident: the shareable facts of its latest event, never text. */
@Entity
@Table(name = "incident_seen")
public class SeenIncident extends PanacheEntityBase {
    @Id
    @Column(name = "incident_id")
    private UUID incidentId;

    @Column(name = "school_location_id")
    private String schoolLocationId;

    @Column(name = "district_id")
    private String districtId;

    @Enumerated(EnumType.STRING)
    @Column(name = "location_type")
    private LocationType locationType;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    private IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "police_report_status")
    private PoliceReportStatus policeReportStatus;

    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;

    @ElementCollection
    @CollectionTable(name = "incident_person_seen", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "position")
    private List<Person> persons = new ArrayList<>();

    @Embeddable
    public static class Person {
        private String pseudonym;

        @Enumerated(EnumType.STRING)
        private ReportedIncident.Person.Role role;

        @Enumerated(EnumType.STRING)
        private ReportedIncident.Person.Kind kind;

        @Column(name = "school_location_id")
        private String schoolLocationId;

        private boolean minor;

        protected Person() {}

        Person(ReportedIncident.Person person) {
            pseudonym = person.pseudonym();
            role = person.role();
            kind = person.kind();
            schoolLocationId = person.schoolLocationId();
            minor = person.minor();
        }

        public String pseudonym() {
            return pseudonym;
        }

        public ReportedIncident.Person.Role role() {
            return role;
        }

        public ReportedIncident.Person.Kind kind() {
            return kind;
        }

        public String schoolLocationId() {
            return schoolLocationId;
        }

        ReportedIncident.Person reported() {
            return new ReportedIncident.Person(pseudonym, role, kind, schoolLocationId, minor);
        }
    }

    void apply(ReportedIncident incident) {
        incidentId = incident.incidentId();
        schoolLocationId = incident.schoolLocationId();
        districtId = incident.district();
        locationType = incident.locationType();
        category = incident.category();
        severity = incident.severity();
        status = incident.status();
        policeReportStatus = incident.policeReportStatus();
        occurredAt = incident.occurredAt();
        persons.clear();
        incident.involvedPersons().forEach(p -> persons.add(new Person(p)));
    }

    /** The incident as last reported, for rules and cases that take up an earlier incident. */
    public ReportedIncident reported() {
        return new ReportedIncident(
                incidentId,
                schoolLocationId,
                districtId,
                locationType,
                category,
                severity,
                status,
                policeReportStatus,
                occurredAt,
                persons.stream().map(Person::reported).toList());
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String schoolLocationId() {
        return schoolLocationId;
    }

    public String districtId() {
        return districtId;
    }

    public LocationType locationType() {
        return locationType;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public PoliceReportStatus policeReportStatus() {
        return policeReportStatus;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public List<Person> persons() {
        return Collections.unmodifiableList(persons);
    }
}
