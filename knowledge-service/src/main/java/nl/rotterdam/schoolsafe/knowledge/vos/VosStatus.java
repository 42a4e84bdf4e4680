package nl.rotterdam.schoolsafe.knowledge.vos;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.change.AggregateRoot;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/** A school location's VOS (Veilig Op School) certificate status and audit dates (measure 6). */
@Entity
@Table(name = "vos_status")
public class VosStatus extends AggregateRoot {
    /** Certificate status (certificaatstatus). */
    public enum CertificateStatus {
        NOT_STARTED,
        IN_PREPARATION,
        CERTIFIED,
        EXPIRED
    }

    @Id
    @Column(name = "school_location_id")
    private String schoolLocationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_status")
    private CertificateStatus certificateStatus;

    @Column(name = "last_audit_on")
    private LocalDate lastAuditOn;

    @Column(name = "next_audit_due")
    private LocalDate nextAuditDue;

    private String note;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected VosStatus() {}

    /** The first record of a location's status. */
    static VosStatus first(String schoolLocationId, VosRequest request, String by, OffsetDateTime now) {
        VosStatus status = new VosStatus();
        status.schoolLocationId = schoolLocationId;
        status.record(request, by, now);
        return status;
    }

    void record(VosRequest request, String by, OffsetDateTime now) {
        if (request.lastAuditOn() != null
                && request.nextAuditDue() != null
                && !request.nextAuditDue().isAfter(request.lastAuditOn())) {
            throw ProblemException.invalid("nextAuditDue", "must be after lastAuditOn");
        }
        if (request.certificateStatus() == CertificateStatus.CERTIFIED && request.lastAuditOn() == null) {
            throw ProblemException.invalid("lastAuditOn", "a certified location has had an audit");
        }
        certificateStatus = request.certificateStatus();
        lastAuditOn = request.lastAuditOn();
        nextAuditDue = request.nextAuditDue();
        note = request.note();
        updatedBy = by;
        updatedAt = now;
    }

    boolean auditOverdue(LocalDate today) {
        return nextAuditDue != null && nextAuditDue.isBefore(today);
    }

    @Override
    public String aggregateType() {
        return "vos-status";
    }

    @Override
    public String aggregateId() {
        return schoolLocationId;
    }

    /** Filed under the school location it describes. */
    @Override
    public String owner() {
        return schoolLocationId;
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("certificateStatus", certificateStatus);
        fields.put("lastAuditOn", lastAuditOn);
        fields.put("nextAuditDue", nextAuditDue);
        fields.put("note", note);
        return fields;
    }

    public String schoolLocationId() {
        return schoolLocationId;
    }

    public CertificateStatus certificateStatus() {
        return certificateStatus;
    }

    public LocalDate lastAuditOn() {
        return lastAuditOn;
    }

    public LocalDate nextAuditDue() {
        return nextAuditDue;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
