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
            @Schema(example = "NL-GEM-0599-SCHOOLSAFE-6f1c0d7e-2a8b-4f0e-9c1d-3b5a7e9f1c2d")
            String identifier,

            String title,
            String currency,
            BigDecimal amountAppliedFor,
            BigDecimal amountAwarded,
            BigDecimal amountDisbursed,
            LocalDate awardDate,
            List<Organisation> recipientOrganization,
            List<Organisation> fundingOrganization,
            List<Programme> grantProgramme,
            List<Location> beneficiaryLocation) {}

    @Schema(name = "Organisation360Giving")
    public record Organisation(String id, String name) {}

    @Schema(name = "Programme360Giving")
    public record Programme(String code, String title) {}

    @Schema(name = "Location360Giving")
    public record Location(
            String name,
            @Schema(description = "The school location id") String geoCode,
            String geoCodeType) {}

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
