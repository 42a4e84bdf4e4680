package nl.rotterdam.schoolsafe.knowledge.vos;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "VosStatusRequest",
        description = "A school location's VOS status (Veilig Op School) as the municipality records it.")
public record VosRequest(
        @Schema(description = "Certificate status (certificaatstatus)") @NotNull
        VosStatus.CertificateStatus certificateStatus,

        @Schema(description = "Date of the last audit (laatste audit)", example = "2025-10-14")
        LocalDate lastAuditOn,

        @Schema(description = "Date the next audit is due (volgende audit)", example = "2027-10-14")
        LocalDate nextAuditDue,

        @Schema(
                description = "Note (toelichting); no personal data",
                example = "Hercertificering gepland met de accountmanager onderwijs")
        @Size(max = 1000)
        String note) {}
