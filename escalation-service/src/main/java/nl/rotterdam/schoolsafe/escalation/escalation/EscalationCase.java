package nl.rotterdam.schoolsafe.escalation.escalation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.rotterdam.schoolsafe.escalation.detection.RuleFired;
import nl.rotterdam.schoolsafe.platform.event.IncidentEvent;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A cross-school case in a district's queue: the aggregate root of this service. */
@Entity
@Table(name = "escalation_case")
public class EscalationCase extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "district_id")
    public String districtId;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "response_due_at")
    public OffsetDateTime responseDueAt;
    @Version
    public long version;
    @ElementCollection
    @CollectionTable(name = "case_incident", joinColumns = @JoinColumn(name = "case_id"))
    public List<LinkedIncident> incidents = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "rule_firing", joinColumns = @JoinColumn(name = "case_id"))
    public List<RuleFiring> firings = new ArrayList<>();

    protected EscalationCase() {
    }

    /** Opens a case for an incident that one or more rules found cross-school. */
    static EscalationCase open(IncidentEvent incident, List<RuleFired> fired, Duration responseTime, Priority priority, OffsetDateTime now) {
        if (fired.isEmpty()) {
            throw new IllegalArgumentException("a case opens only when a rule fired");
        }
        EscalationCase opened = new EscalationCase();
        opened.id = UUID.randomUUID();
        opened.districtId = incident.district();
        opened.status = CaseStatus.OPEN;
        opened.priority = priority;
        opened.openedAt = now;
        opened.responseDueAt = now.plus(responseTime);
        opened.link(incident, fired, now);
        return opened;
    }

    void link(IncidentEvent incident, List<RuleFired> fired, OffsetDateTime now) {
        incidents.add(new LinkedIncident(incident.incidentId(), incident.schoolLocationId(), incident.category(),
                incident.severity(), incident.occurredAt(), now));
        fired.forEach(f -> firings.add(new RuleFiring(incident.incidentId(), f.rule(), f.explanation(), now)));
    }
}
