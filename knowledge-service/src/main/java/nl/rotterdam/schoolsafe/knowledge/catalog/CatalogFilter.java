package nl.rotterdam.schoolsafe.knowledge.catalog;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import nl.rotterdam.schoolsafe.platform.event.EvidenceLevel;
import nl.rotterdam.schoolsafe.platform.http.PageRequest;
import nl.rotterdam.schoolsafe.platform.validation.EnumValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Search words and filters of the catalog; every one optional. */
public class CatalogFilter extends PageRequest {
    /** Longer queries are refused with a 400 rather than cut: a silently shortened query finds something else. */
    public static final int MAX_QUERY = 200;

    @QueryParam("q")
    @Size(max = MAX_QUERY, message = "must be at most " + MAX_QUERY + " characters")
    @Parameter(
            description =
                    "Search words in Dutch (zoektermen): stemmed, accents and case ignored; quotes for a phrase, - to exclude, or. "
                            + "Results are ranked by relevance.",
            example = "pesten")
    public String q;

    @QueryParam("theme")
    @EnumValue(of = Theme.class)
    @Parameter(schema = @Schema(implementation = Theme.class))
    public String theme;

    @QueryParam("audience")
    @EnumValue(of = Audience.class)
    @Parameter(schema = @Schema(implementation = Audience.class))
    public String audience;

    @QueryParam("sector")
    @EnumValue(of = Sector.class)
    @Parameter(schema = @Schema(implementation = Sector.class))
    public String sector;

    @QueryParam("evidenceLevel")
    @EnumValue(of = EvidenceLevel.class)
    @Parameter(schema = @Schema(implementation = EvidenceLevel.class))
    public String evidenceLevel;

    boolean searching() {
        return q != null && !q.isBlank();
    }

    /** The words as PostgreSQL may read them: control characters (a NUL is refused by the driver) become spaces. */
    String searchWords() {
        return q.replaceAll("\\p{Cntrl}", " ");
    }
}
