package nl.rotterdam.schoolsafe.incident.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who read which student's data, for the privacy officer of the owning school. The coordinator
 * sees the log of their own locations, the board that of its locations.
 */
@Path("/api/v1/incidents/processing-log/searches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Processing log", description = "Reads of personal data (Logboek dataverwerkingen)")
public class ProcessingLogResource {
    private static final int DEFAULT_LIMIT = 25;

    private final ProcessingLogService processingLog;
    private final Caller caller;

    ProcessingLogResource(ProcessingLogService processingLog, Caller caller) {
        this.processingLog = processingLog;
        this.caller = caller;
    }

    @Schema(
            name = "ProcessingLogSearch",
            description = "Optionally one data subject (pseudonym); in the body, never in a URL.")
    public record Search(
            @Pattern(regexp = "ps-[0-9a-f]{32}", message = "must be a pseudonym")
            String dataSubject,

            @Schema(description = "nextCursor of the previous page") @Size(max = 200)
            String cursor,

            @Schema(description = "Page size, 1 to 100; default 25") @Min(1) @Max(100)
            Integer limit) {}

    @POST
    @RolesAllowed({Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(
            summary = "Search the processing log of your school locations",
            description = "Newest first, cursor-paginated.")
    public Page<ProcessingLog.Entry> searchProcessingLog(@Valid @NotNull Search search) {
        int limit = search.limit() == null ? DEFAULT_LIMIT : search.limit();
        return processingLog.search(search.dataSubject(), search.cursor(), limit, caller);
    }
}
