package nl.rotterdam.schoolsafe.subsidy.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The 360Giving data standard's grant (threesixtygiving.org, schema 1.x), amounts in euros. Its required
 * fields are id, title, description, currency, amountAwarded, awardDate, and a recipient and a funding
 * organisation each with id and name; {@code Giving360ExportTest} checks them against the standard's rules.
 */
public final class Giving360 {
    private Giving360() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(
            name = "Grant360Giving",
            description = "A granted subsidy (verleende subsidie) in the 360Giving standard's fields.")
    public record Grant(
            @Schema(
                    description = "The publisher's 360Giving prefix and the application's id",
                    example = "360G-rotterdam-schoolsafe-6f1c0d7e-2a8b-4f0e-9c1d-3b5a7e9f1c2d",
                    pattern = "^360G-[A-Za-z0-9-]+$")
            String id,

            String title,

            @Schema(description = "What the grant is for: programme, spending category, location and school year")
            String description,

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
                    description = "An org-id.guide identifier, or for a board without one the publisher's prefix"
                            + " and the board's id in the register",
                    pattern = "^[A-Z0-9]{2,}-[A-Za-z0-9-]+$")
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

    /** A 360Giving data package: the standard's JSON top level. */
    @Schema(name = "Grants360Giving")
    public record Package(List<Grant> grants) {}

    /** The standard's spreadsheet columns, in the titles its converters read. */
    @JsonPropertyOrder({
        "Identifier",
        "Title",
        "Description",
        "Currency",
        "Amount Applied For",
        "Amount Awarded",
        "Amount Disbursed",
        "Award Date",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
        "Funding Org:Identifier",
        "Funding Org:Name",
        "Grant Programme:Code",
        "Grant Programme:Title",
        "Beneficiary Location:Name",
        "Beneficiary Location:Geographic Code",
        "Beneficiary Location:Geographic Code Type"
    })
    record Row(
            @JsonProperty("Identifier") String id,
            @JsonProperty("Title") String title,
            @JsonProperty("Description") String description,
            @JsonProperty("Currency") String currency,
            @JsonProperty("Amount Applied For") BigDecimal amountAppliedFor,
            @JsonProperty("Amount Awarded") BigDecimal amountAwarded,
            @JsonProperty("Amount Disbursed") BigDecimal amountDisbursed,
            @JsonProperty("Award Date") LocalDate awardDate,
            @JsonProperty("Recipient Org:Identifier") String recipientId,
            @JsonProperty("Recipient Org:Name") String recipientName,
            @JsonProperty("Funding Org:Identifier") String funderId,
            @JsonProperty("Funding Org:Name") String funderName,
            @JsonProperty("Grant Programme:Code") String programmeCode,
            @JsonProperty("Grant Programme:Title") String programmeTitle,
            @JsonProperty("Beneficiary Location:Name") String locationName,

            @JsonProperty("Beneficiary Location:Geographic Code")
            String geoCode,

            @JsonProperty("Beneficiary Location:Geographic Code Type")
            String geoCodeType) {
        static Row of(Grant grant) {
            Organisation recipient = grant.recipientOrganization().get(0);
            Organisation funder = grant.fundingOrganization().get(0);
            Programme programme = grant.grantProgramme().get(0);
            Location location = grant.beneficiaryLocation().get(0);
            return new Row(
                    grant.id(),
                    grant.title(),
                    grant.description(),
                    grant.currency(),
                    grant.amountAppliedFor(),
                    grant.amountAwarded(),
                    grant.amountDisbursed(),
                    grant.awardDate(),
                    recipient.id(),
                    recipient.name(),
                    funder.id(),
                    funder.name(),
                    programme.code(),
                    programme.title(),
                    location.name(),
                    location.geoCode(),
                    location.geoCodeType());
        }
    }
}
