package nl.rotterdam.schoolsafe.escalation.subscription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.platform.problem.ProblemException;

/**
 * A partner's callback URL as written: absolute http(s), a host, no credentials, no fragment. Whether its host may be
 * called is the {@link CallbackGuard}'s to say, at registration and again before every delivery.
 */
public record CallbackAddress(URI uri) {
    static final String FIELD = "callbackUrl";
    private static final int MAX_LENGTH = 2000;
    // a host whose every label is a number, in decimal, octal or hex: 2130706433, 0177.0.0.1, 0x7f.1
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    public CallbackAddress {
        if (uri == null) {
            throw ProblemException.invalid(FIELD, "is required");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.invalid(FIELD, "must be an absolute https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalid(FIELD, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid(FIELD, "must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw ProblemException.invalid(FIELD, "must not have a fragment");
        }
        String host = host(uri);
        if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            throw ProblemException.invalid(FIELD, "a numeric host must be a plain dotted IPv4 address");
        }
    }

    public static CallbackAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(FIELD, "is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw ProblemException.invalid(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        try {
            return new CallbackAddress(new URI(text));
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(FIELD, "is not a URL: " + e.getReason());
        }
    }

    public boolean https() {
        return uri.getScheme().equalsIgnoreCase("https");
    }

    /** The host without IPv6 brackets, lower case. */
    public String host() {
        return host(uri);
    }

    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : https() ? 443 : 80;
    }

    /** Path and query as sent in the request line. */
    public String target() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
