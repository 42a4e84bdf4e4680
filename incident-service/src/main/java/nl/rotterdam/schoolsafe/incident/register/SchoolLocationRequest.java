package nl.rotterdam.schoolsafe.incident.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SchoolLocationRequest", description = "A school location (vestiging / onderwijslocatie).")
public record SchoolLocationRequest(
        @Schema(description = "BRIN number of the school (4 characters)", example = "30BR")
        @NotBlank
        @Pattern(regexp = "[0-9]{2}[A-Z0-9]{2}", message = "must be a BRIN number such as 30BR")
        String brin,

        @Schema(description = "Location number within the BRIN (vestigingsnummer)", example = "01")
        @NotBlank
        @Pattern(regexp = "[0-9]{2}", message = "must be two digits")
        String locationNumber,

        @Schema(example = "Lyceum Delfshaven") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Id of the board (schoolbestuur)", example = "boor") @NotBlank @Size(max = 40)
        String boardId,

        @Schema(description = "Sector: VO, VSO, MBO or PO") @NotNull
        Sector sector,

        @Schema(description = "Id of the district (gebied)", example = "delfshaven") @NotBlank @Size(max = 40)
        String district,

        @Schema(description = "Number of pupils (leerlingen)", example = "850") @PositiveOrZero @Max(100_000)
        int pupilCount) {}
