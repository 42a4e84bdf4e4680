package nl.rotterdam.schoolsafe.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details; {@code type} is stable per kind of error, {@code errors} names every bad field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (foutmelding).")
public record Problem(
        @Schema(
                description = "Stable identifier of the kind of problem",
                example = "https://schoolsafe.rotterdam.nl/problems/invalid-input")
        URI type,

        @Schema(example = "Invalid input") String title,
        @Schema(example = "400") int status,
        @Schema(example = "2 fields are invalid") String detail,

        @Schema(description = "Identifies this occurrence", example = "/api/v1/incidents")
        String instance,

        @Schema(description = "Every invalid field of the request")
        List<FieldError> errors,

        @Schema(description = "Further facts about the problem, such as the current and allowed states")
        Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://schoolsafe.rotterdam.nl/problems/";

    public record FieldError(
            @Schema(description = "JSON path of the field", example = "occurredAt")
            String field,

            @Schema(example = "must not be in the future") String message) {}

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
