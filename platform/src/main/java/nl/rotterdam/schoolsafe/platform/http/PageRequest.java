package nl.rotterdam.schoolsafe.platform.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of every cursor-paginated list; a list's filter extends it with its own. */
public class PageRequest {
    @QueryParam("cursor")
    @Size(max = 200)
    @Parameter(description = "nextCursor of the previous page")
    public String cursor;

    @QueryParam("limit")
    @DefaultValue("25")
    @Min(1)
    @Max(100)
    @Parameter(description = "Page size, 1 to 100")
    public int limit;
}
