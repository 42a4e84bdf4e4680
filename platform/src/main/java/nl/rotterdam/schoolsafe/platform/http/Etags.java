package nl.rotterdam.schoolsafe.platform.http;

import java.util.List;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/** Strong ETags from an aggregate's version; updates must name the version they were based on. */
public final class Etags {
    private Etags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Refuses a write without {@code If-Match} (428) or based on another version (412). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "precondition-required",
                    "If-Match required",
                    "send the ETag of the version you changed in If-Match",
                    List.of(),
                    Map.of());
        }
        if (!ifMatch.trim().equals(of(currentVersion))) {
            throw stale(currentVersion);
        }
    }

    public static ProblemException stale(long currentVersion) {
        return new ProblemException(
                412,
                "stale-version",
                "Changed by someone else",
                "the resource changed since you read it; read it again and reapply your change",
                List.of(),
                Map.of("currentETag", of(currentVersion)));
    }
}
