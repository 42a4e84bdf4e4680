package nl.rotterdam.schoolsafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteMetricsTest {

    @Test
    void labelsARequestByItsAreaWithoutIdentifiers() {
        assertEquals(
                "/api/v1/incidents/*", RouteMetrics.label("/api/v1/incidents/6f1c2a9e-0000-4000-8000-000000000001"));
        assertEquals("/api/v1/incidents", RouteMetrics.label("/api/v1/incidents"));
        assertEquals("/api/v1/work-agenda/*", RouteMetrics.label("/api/v1/work-agenda/measures"));
    }

    @Test
    void givesEveryInventedPathOneLabel() {
        assertEquals("UNKNOWN", RouteMetrics.label("/api/v1/invented-1"));
        assertEquals("UNKNOWN", RouteMetrics.label("/api/v1/invented-2/x"));
        assertEquals("UNKNOWN", RouteMetrics.label("/wp-admin"));
    }

    @Test
    void keepsTheGatewaysOwnPaths() {
        assertEquals("/api/v1/openapi.json", RouteMetrics.label("/api/v1/openapi.json"));
        assertEquals("/q/health/ready", RouteMetrics.label("/q/health/ready"));
    }
}
