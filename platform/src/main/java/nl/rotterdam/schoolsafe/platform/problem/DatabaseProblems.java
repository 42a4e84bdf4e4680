package nl.rotterdam.schoolsafe.platform.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure from the database means to the client: a unique key taken is a 409 naming the
 * fields; a database that cannot be reached is a 503 to retry. No SQL or constraint name leaves.
 */
final class DatabaseProblems {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=");
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseProblems() {}

    static Optional<ProblemException> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return Optional.of(taken(sql.getMessage()));
                }
                if (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")) {
                    return Optional.of(unavailable());
                }
            }
            if (cause.getClass().getName().startsWith("io.agroal")
                    || String.valueOf(cause.getMessage()).contains("Acquisition timeout")) {
                return Optional.of(unavailable());
            }
        }
        return Optional.empty();
    }

    /** PostgreSQL names the key's columns in its detail: {@code Key (brin, location_number)=(…) already exists}. */
    private static ProblemException taken(String message) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Matcher key = KEY.matcher(String.valueOf(message));
        if (key.find()) {
            Arrays.stream(key.group(1).split(","))
                    .map(String::trim)
                    .map(DatabaseProblems::camelCase)
                    .forEach(field -> errors.add(new Problem.FieldError(field, "is already taken")));
        }
        return new ProblemException(
                409,
                "already-exists",
                "Already exists",
                "a resource with the same "
                        + (errors.isEmpty()
                                ? "key"
                                : String.join(
                                        " and ",
                                        errors.stream()
                                                .map(Problem.FieldError::field)
                                                .toList()))
                        + " exists",
                errors,
                Map.of());
    }

    static ProblemException unavailable() {
        return new ProblemException(
                503,
                "service-unavailable",
                "Temporarily unavailable",
                "the service cannot reach its database; try again in a few seconds",
                List.of(),
                Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }

    static String camelCase(String column) {
        String unquoted = column.replace("\"", "").replace("lower(", "").replace(")", "");
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : unquoted.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }
}
