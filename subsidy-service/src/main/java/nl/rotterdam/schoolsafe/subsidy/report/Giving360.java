package nl.rotterdam.schoolsafe.subsidy.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 360Giving data standard's grant fields (threesixtygiving.org), amounts in euros. */
public final class Giving360 {
    static final String PREFIX = "NL-GEM-0599-SCHOOLSAFE-";
    static final Organisation FUNDER = new Organisation("NL-GEM-0599", "Gemeente Rotterdam");

    private Giving360() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Grant360Giving",
            description = "A granted subsidy (verleende subsidie) in the 360Giving standard's fields.")
    public record Grant(
            @Schema(
                    example = "NL-GEM-0599-SCHOOLSAFE-6f1c0d7e-2a8b-4f0e-9c1d-3b5a7e9f1c2d",
                    pattern = "^NL-GEM-0599-SCHOOLSAFE-[0-9a-f-]{36}$")
            String identifier,

            String title,
            @Schema(enumeration = "EUR") String currency,
            BigDecimal amountAppliedFor,
            BigDecimal amountAwarded,
            BigDecimal amountDisbursed,
            LocalDate awardDate,
            List<Organisation> recipientOrganization,
            List<Organisation> fundingOrganization,
            List<Programme> grantProgramme,
            List<Location> beneficiaryLocation) {}

    @Schema(name = "Organisation360Giving")
    public record Organisation(
            @Schema(
                    description = "The funder's organisation identifier, or the board's within SchoolSafe",
                    pattern = "^NL-(GEM-0599|SCHOOLSAFE-BOARD-[a-z0-9-]+)$")
            String id,

            String name) {}

    @Schema(name = "Programme360Giving")
    public record Programme(@Schema(format = "uuid") String code, String title) {}

    @Schema(name = "Location360Giving")
    public record Location(
            String name,

            @Schema(description = "The school location id", pattern = "^[0-9]{2}[A-Z0-9]{2}[0-9]{2}$")
            String geoCode,

            @Schema(enumeration = "SCHOOL_LOCATION") String geoCodeType) {}

    static Grant grant(
            UUID applicationId,
            String theme,
            String category,
            long appliedCents,
            long awardedCents,
            Long disbursedCents,
            OffsetDateTime decidedAt,
            String boardId,
            String boardName,
            UUID programmeId,
            String programmeName,
            String locationId,
            String locationName,
            String district) {
        return new Grant(
                PREFIX + applicationId,
                theme + " - " + category + " - " + locationId,
                "EUR",
                ReportService.euros(appliedCents),
                ReportService.euros(awardedCents),
                disbursedCents == null ? null : ReportService.euros(disbursedCents),
                decidedAt.toLocalDate(),
                List.of(new Organisation("NL-SCHOOLSAFE-BOARD-" + boardId, boardName == null ? boardId : boardName)),
                List.of(FUNDER),
                List.of(new Programme(programmeId.toString(), programmeName)),
                List.of(new Location(
                        (locationName == null ? locationId : locationName) + (district == null ? "" : ", " + district),
                        locationId,
                        "SCHOOL_LOCATION")));
    }
}
