package nl.rotterdam.schoolsafe.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;

/** Which service owns which API area: {@code /api/v1/<area>/…} goes to the owner (from the suite's one service list). */
final class Routes {
    static final Map<String, String> AREA_OWNERS = areas();

    private Routes() {}

    private static Map<String, String> areas() {
        Map<String, String> owners = new LinkedHashMap<>();
        for (SuiteService service : SuiteService.values()) {
            service.areas().forEach(area -> owners.put(area, service.id()));
        }
        return Map.copyOf(owners);
    }
}
