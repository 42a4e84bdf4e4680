package nl.rotterdam.schoolsafe.platform.problem;

import java.util.List;
import java.util.Map;

/** A domain or request error that maps to one problem+json response. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> context;
    private final long retryAfterSeconds;

    public ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, Object> context) {
        this(status, slug, title, detail, errors, context, 0);
    }

    private ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, Object> context,
            long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.context = Map.copyOf(context);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(
                400,
                "invalid-input",
                "Invalid input",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid",
                errors,
                Map.of());
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(
                404, "not-found", "Not found", what + " does not exist or is not yours to see", List.of(), Map.of());
    }

    /** An action not allowed in the aggregate's current state. */
    public static ProblemException illegalState(String detail, String current, List<String> allowed) {
        return new ProblemException(
                409,
                "illegal-state",
                "Not allowed in the current state",
                detail,
                List.of(),
                Map.of("currentState", current, "allowedActions", allowed));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail, List.of(), Map.of());
    }

    /** Over a per-caller limit: 429 with {@code Retry-After}. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(
                429,
                "too-many-requests",
                "Too many requests",
                detail,
                List.of(),
                Map.of(),
                Math.max(1, retryAfterSeconds));
    }

    /** Seconds the client should wait before retrying, 0 when it need not wait. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors, context);
    }

    public int status() {
        return status;
    }
}
