package nl.rotterdam.schoolsafe.incident.incident;

import java.util.regex.Pattern;

/** Another route than a police report (a HALT referral, mediation, …): a code of the route register, kept as data. */
public record InvolvementRoute(String code) {
    public static final String PATTERN = "[A-Z][A-Z_]{1,39}";
    private static final Pattern CODE = Pattern.compile(PATTERN);

    public InvolvementRoute {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a route code is upper-case letters and underscores: " + code);
        }
    }
}
