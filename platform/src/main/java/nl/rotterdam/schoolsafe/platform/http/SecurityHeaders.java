package nl.rotterdam.schoolsafe.platform.http;

import io.vertx.core.MultiMap;

/** The API Design Rules and security headers every SchoolSafe response carries, errors included (docs/architecture.md §7). */
public final class SecurityHeaders {
    public static final String API_VERSION = "API-Version";
    public static final String REQUEST_ID = "X-Request-Id";
    /** The request id's key in each log line's MDC. */
    public static final String LOG_REQUEST_ID = "requestId";

    private SecurityHeaders() {}

    public static void apply(MultiMap headers, String apiVersion) {
        headers.set(API_VERSION, apiVersion);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "frame-ancestors 'none'");
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
