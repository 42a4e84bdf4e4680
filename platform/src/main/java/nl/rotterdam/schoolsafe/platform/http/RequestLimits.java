package nl.rotterdam.schoolsafe.platform.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The limits a request must keep, the same at the gateway and in every service, and the rule
 * that a path must already be in normal form. Each refusal names the limit it broke. The HTTP
 * server's own limits sit well above these, so a request over one still gets a problem answer.
 */
public final class RequestLimits {
    public static final long MAX_BODY_BYTES = 1_048_576;
    public static final int MAX_REQUEST_LINE = 16_384;
    public static final int MAX_HEADER_BYTES = 16_384;

    private RequestLimits() {}

    /** A refusal: status, problem slug, title, detail and the limit it names. */
    public record Refusal(int status, String slug, String title, String detail, Map<String, Object> limit) {}

    /** The first limit the request line or the headers break, if any. */
    public static Optional<Refusal> check(String uri, Iterable<Map.Entry<String, String>> headers) {
        if (uri.length() > MAX_REQUEST_LINE) {
            return Optional.of(new Refusal(
                    414,
                    "uri-too-long",
                    "URI too long",
                    "the path and query may be at most " + MAX_REQUEST_LINE + " characters",
                    Map.of("maxUriLength", MAX_REQUEST_LINE)));
        }
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        if (size > MAX_HEADER_BYTES) {
            return Optional.of(new Refusal(
                    431,
                    "headers-too-large",
                    "Request headers too large",
                    "the headers may be at most " + MAX_HEADER_BYTES + " bytes together",
                    Map.of("maxHeaderBytes", MAX_HEADER_BYTES)));
        }
        return Optional.empty();
    }

    /** A body must say what it is: one sent without {@code Content-Type} is refused, never guessed at. */
    public static Optional<Refusal> untypedBody(String contentLength, String transferEncoding, String contentType) {
        boolean hasBody = transferEncoding != null || (contentLength != null && !contentLength.equals("0"));
        if (hasBody && (contentType == null || contentType.isBlank())) {
            return Optional.of(new Refusal(
                    415,
                    "unsupported-media-type",
                    "Content-Type required",
                    "a request body needs Content-Type: application/json",
                    Map.of()));
        }
        return Optional.empty();
    }

    public static Refusal bodyTooLarge() {
        return new Refusal(
                413,
                "body-too-large",
                "Request body too large",
                "the body may be at most " + MAX_BODY_BYTES + " bytes",
                Map.of("maxBodyBytes", MAX_BODY_BYTES));
    }

    /**
     * Why a raw path is not in normal form — dot segments, repeated slashes, backslashes,
     * percent-encoded dots, slashes or backslashes — or empty when it is. A path is checked and
     * routed as sent, so only normal paths are let through.
     */
    public static Optional<String> abnormalPath(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (!rawPath.startsWith("/")) {
            return Optional.of("must start with /");
        }
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || rawPath.contains("\\")) {
            return Optional.of("must not encode dots, slashes or backslashes");
        }
        if (rawPath.contains("//")) {
            return Optional.of("must not repeat slashes");
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("must not contain . or .. segments");
            }
        }
        return Optional.empty();
    }
}
