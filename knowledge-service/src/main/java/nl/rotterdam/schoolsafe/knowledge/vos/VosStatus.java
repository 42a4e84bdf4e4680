package nl.rotterdam.schoolsafe.knowledge.vos;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A school location's VOS (Veilig Op School) certificate status and audit dates (measure 6). */
@Entity
@Table(name = "vos_status")
public class VosStatus extends PanacheEntityBase {
    /** Certificate status (certificaatstatus). */
    public enum CertificateStatus { NOT_STARTED, IN_PREPARATION, CERTIFIED, EXPIRED }

    @Id
    @Column(name = "school_location_id")
    public String schoolLocationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_status")
    public CertificateStatus certificateStatus;
    @Column(name = "last_audit_on")
    public LocalDate lastAuditOn;
    @Column(name = "next_audit_due")
    public LocalDate nextAuditDue;
    public String note;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    protected VosStatus() {
    }

    static VosStatus start(String schoolLocationId) {
        VosStatus status = new VosStatus();
        status.schoolLocationId = schoolLocationId;
        return status;
    }

    void record(VosRequest request, String by, OffsetDateTime now) {
        if (request.lastAuditOn() != null && request.nextAuditDue() != null && !request.nextAuditDue().isAfter(request.lastAuditOn())) {
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
}
