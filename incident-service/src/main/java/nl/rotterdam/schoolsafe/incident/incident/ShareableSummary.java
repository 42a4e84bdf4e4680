package nl.rotterdam.schoolsafe.incident.incident;

import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * The text a school shares with permitted partners (samenvatting). Names cannot be recognised
 * reliably, but identifiers can: education and citizen service numbers, e-mail addresses and
 * phone numbers are refused so the summary stays free of directly identifying data.
 */
public record ShareableSummary(String text) {
    public static final int MAX_LENGTH = 500;
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d\\s.-]{6,}\\d");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    public ShareableSummary {
        String why = text == null || text.isBlank()
                ? "must not be blank"
                : text.length() > MAX_LENGTH
                        ? "must be at most " + MAX_LENGTH + " characters"
                        : LONG_NUMBER.matcher(text).find()
                                ? "must not contain identifying numbers (education, citizen service or phone numbers)"
                                : EMAIL.matcher(text).find() ? "must not contain e-mail addresses" : null;
        if (why != null) {
            throw ProblemException.invalid("text", why);
        }
        text = text.strip();
    }
}
