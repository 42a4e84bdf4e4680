package nl.rotterdam.schoolsafe.incident.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.rotterdam.schoolsafe.incident.register.RegisterService;
import nl.rotterdam.schoolsafe.platform.http.Cursor;
import nl.rotterdam.schoolsafe.platform.http.Page;
import nl.rotterdam.schoolsafe.platform.privacy.ProcessingLog;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;
import nl.rotterdam.schoolsafe.platform.security.Caller;
import nl.rotterdam.schoolsafe.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * Who read which student's data, for the privacy officer of the owning school. The coordinator
 * sees the log of their own locations, the board that of its locations.
 */
@Path("/api/v1/incidents/processing-log/searches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Processing log", description = "Reads of personal data (Logboek dataverwerkingen)")
public class ProcessingLogResource {
    private final ProcessingLog log;
    private final RegisterService register;
    private final Caller caller;

    ProcessingLogResource(ProcessingLog log, RegisterService register, Caller caller) {
        this.log = log;
        this.register = register;
        this.caller = caller;
    }

    @Schema(name = "ProcessingLogSearch", description = "Optionally one data subject (pseudonym); in the body, never in a URL.")
    public record Search(@Pattern(regexp = "ps-[0-9a-f]{32}", message = "must be a pseudonym") String dataSubject,
                         String cursor,
                         @Min(1) @Max(200) Integer limit) {
    }

    @POST
    @RolesAllowed({Role.Names.SAFETY_COORDINATOR, Role.Names.BOARD})
    @Operation(summary = "Search the processing log of your school locations", description = "Newest first, cursor-paginated.")
    public Page<ProcessingLog.Entry> search(@Valid @NotNull Search search) {
        Set<String> owners = caller.role() == Role.BOARD
                ? caller.boardId().map(register::locationIdsOfBoard).orElse(Set.of())
                : caller.schoolLocationIds();
        int limit = search.limit() == null ? 50 : search.limit();
        Long before = null;
        if (search.cursor() != null) {
            try {
                before = Long.parseLong(Cursor.decode(search.cursor(), 1).get(0));
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API issued");
            }
        }
        List<ProcessingLog.Entry> entries = log.entries(owners, search.dataSubject(), before, limit + 1);
        if (entries.size() <= limit) {
            return new Page<>(entries, null);
        }
        List<ProcessingLog.Entry> page = entries.subList(0, limit);
        return new Page<>(page, Cursor.encode(String.valueOf(page.get(limit - 1).id())));
    }
}
