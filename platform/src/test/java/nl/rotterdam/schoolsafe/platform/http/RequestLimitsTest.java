package nl.rotterdam.schoolsafe.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    @Test
    void letsAPathInNormalFormThrough() {
        for (String path : List.of(
                "/api/v1/incidents",
                "/api/v1/incidents/6f1c2a9e-0000-4000-8000-000000000001",
                "/q/health/ready",
                "/api/v1/catalog/offerings",
                "/api/v1/a.b")) {
            assertTrue(RequestLimits.abnormalPath(path).isEmpty(), path);
        }
    }

    @Test
    void refusesEveryPathThatIsNotInNormalForm() {
        for (String path : List.of(
                "/x/../api/v1/incidents",
                "/api/v1/./incidents",
                "/api//v1/incidents",
                "/api/v1/%2e%2e/x",
                "/api/v1/%2E/x",
                "/api/v1/a%2Fb",
                "/api/v1/a%5cb",
                "/api/v1/a\\b",
                "/api/v1/..",
                "api/v1/incidents")) {
            assertTrue(RequestLimits.abnormalPath(path).isPresent(), path);
        }
    }

    @Test
    void namesTheLimitARequestBreaks() {
        assertEquals(
                414,
                RequestLimits.check("/" + "a".repeat(RequestLimits.MAX_REQUEST_LINE), List.of())
                        .orElseThrow()
                        .status());
        assertEquals(
                431,
                RequestLimits.check("/", List.of(Map.entry("X-Padding", "p".repeat(RequestLimits.MAX_HEADER_BYTES))))
                        .orElseThrow()
                        .status());
        assertTrue(RequestLimits.check("/api/v1/incidents", List.of(Map.entry("Authorization", "Bearer x")))
                .isEmpty());
    }
}
