package nl.rotterdam.schoolsafe.gateway;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Request metrics labelled by API area from the route table, never by the raw path: no identifiers
 * in labels, and an invented path cannot create a new series.
 */
final class RouteMetrics {
    private static final String API = "/api/v1/";
    private static final Set<String> GATEWAY_PATHS =
            Set.of("/api/v1/openapi.json", "/api/v1/asyncapi.json", "/api/v1/reference", "/api/v1/");

    @Produces
    @Singleton
    MeterFilter areaLabels() {
        return MeterFilter.replaceTagValues("uri", RouteMetrics::label);
    }

    static String label(String uri) {
        if (GATEWAY_PATHS.contains(uri) || uri.startsWith("/q/")) {
            return uri;
        }
        if (ApiReference.isReference(uri)) {
            return ApiReference.PATH;
        }
        if (uri.startsWith(API)) {
            String rest = uri.substring(API.length());
            int slash = rest.indexOf('/');
            String area = slash < 0 ? rest : rest.substring(0, slash);
            if (Routes.AREA_OWNERS.containsKey(area)) {
                return API + area + (slash < 0 ? "" : "/*");
            }
        }
        return "UNKNOWN";
    }
}
