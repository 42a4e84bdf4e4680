package nl.rotterdam.schoolsafe.incident.incident;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ChronologyRequest",
        description = "Whose chronology (leerlingchronologie): a student number or a pseudonym, exactly one. "
                + "Sent in the body so that no personal data appears in a URL.")
public record ChronologyRequest(
        @Schema(example = "123456789")
        @Size(max = 32)
        @Pattern(regexp = "[A-Za-z0-9-]+", message = "may contain only letters, digits and dashes")
        String studentNumber,

        @Schema(example = "ps-3f1c9a0e5b7d4c2a8e6f0b1d2c3a4e5f")
        @Pattern(regexp = "ps-[0-9a-f]{32}", message = "must be a pseudonym")
        String pseudonym,

        @Schema(description = "nextCursor of the previous page") @Size(max = 200)
        String cursor,

        @Schema(description = "Page size, 1 to 100; default 25") @Min(1) @Max(100)
        Integer limit) {

    static final int DEFAULT_LIMIT = 25;

    PageRequest page() {
        PageRequest page = new PageRequest();
        page.cursor = cursor;
        page.limit = limit == null ? DEFAULT_LIMIT : limit;
        return page;
    }
}
