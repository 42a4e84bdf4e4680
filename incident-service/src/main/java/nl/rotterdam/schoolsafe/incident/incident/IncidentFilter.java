package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.Optional;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.validation.DateTimeValue;
import nl.rotterdam.schoolsafe.platform.validation.EnumValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Filters of the owner's incident list; every one optional. Typed values come from the accessors. */
public class IncidentFilter extends PageRequest {
    @QueryParam("schoolLocationId")
    @Pattern(regexp = "[0-9]{2}[A-Z0-9]{2}[0-9]{2}", message = "must be a school location id such as 30BR01")
    @Parameter(description = "One of your school locations")
    public String schoolLocationId;

    @QueryParam("occurredFrom")
    @DateTimeValue
    @Parameter(
            description = "Occurred at or after (ISO 8601 with zone)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String occurredFrom;

    @QueryParam("occurredBefore")
    @DateTimeValue
    @Parameter(
            description = "Occurred before (ISO 8601 with zone)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String occurredBefore;

    @QueryParam("category")
    @EnumValue(of = Category.class)
    @Parameter(schema = @Schema(implementation = Category.class))
    public String category;

    @QueryParam("severity")
    @EnumValue(of = Severity.class)
    @Parameter(schema = @Schema(implementation = Severity.class))
    public String severity;

    @QueryParam("status")
    @EnumValue(of = IncidentStatus.class)
    @Parameter(schema = @Schema(implementation = IncidentStatus.class))
    public String status;

    @QueryParam("policeReportStatus")
    @EnumValue(of = PoliceReportStatus.class)
    @Parameter(schema = @Schema(implementation = PoliceReportStatus.class))
    public String policeReportStatus;

    Optional<OffsetDateTime> from() {
        return Optional.ofNullable(occurredFrom).map(OffsetDateTime::parse);
    }

    Optional<OffsetDateTime> before() {
        return Optional.ofNullable(occurredBefore).map(OffsetDateTime::parse);
    }

    Optional<Category> category() {
        return Optional.ofNullable(category).map(Category::valueOf);
    }

    Optional<Severity> severity() {
        return Optional.ofNullable(severity).map(Severity::valueOf);
    }

    Optional<IncidentStatus> status() {
        return Optional.ofNullable(status).map(IncidentStatus::valueOf);
    }

    Optional<PoliceReportStatus> policeReportStatus() {
        return Optional.ofNullable(policeReportStatus).map(PoliceReportStatus::valueOf);
    }
}
