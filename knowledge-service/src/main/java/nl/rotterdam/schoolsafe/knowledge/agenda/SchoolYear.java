package nl.rotterdam.schoolsafe.knowledge.agenda;

import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/** A school year (schooljaar) such as 2025-2026: two consecutive calendar years. */
public record SchoolYear(int startYear) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

    public static SchoolYear parse(String field, String value) {
        var matcher = FORMAT.matcher(value);
        if (!matcher.matches() || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
            throw ProblemException.invalid(field, "must be a school year of two consecutive years, e.g. 2025-2026");
        }
        return new SchoolYear(Integer.parseInt(matcher.group(1)));
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
