package nl.rotterdam.schoolsafe.knowledge.vos;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VosStatus", description = "A school location's VOS status (Veilig Op School): certificate and audits.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VosView(
        @Schema(description = "School location (vestiging)", example = "30BR01")
        String schoolLocationId,

        @Schema(description = "Certificate status (certificaatstatus)")
        VosStatus.CertificateStatus certificateStatus,

        @Schema(description = "Last audit (laatste audit)", example = "2025-10-14")
        LocalDate lastAuditOn,

        @Schema(description = "Next audit due (volgende audit)", example = "2027-10-14")
        LocalDate nextAuditDue,

        @Schema(description = "Whether the next audit date has passed (audit te laat)")
        boolean auditOverdue,

        @Schema(description = "Note (toelichting)") String note,

        @Schema(description = "Last changed (laatst gewijzigd)", example = "2026-11-20T10:15:00Z")
        OffsetDateTime updatedAt) {

    static VosView of(VosStatus s, LocalDate today) {
        return new VosView(
                s.schoolLocationId(),
                s.certificateStatus(),
                s.lastAuditOn(),
                s.nextAuditDue(),
                s.auditOverdue(today),
                s.note(),
                s.updatedAt());
    }
}
