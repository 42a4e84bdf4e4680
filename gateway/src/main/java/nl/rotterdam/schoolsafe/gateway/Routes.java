package nl.rotterdam.schoolsafe.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which service owns which API area: {@code /api/v1/<area>/…} goes to the owner. */
final class Routes {
    static final Map<String, String> AREA_OWNERS = areas();

    private Routes() {
    }

    private static Map<String, String> areas() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("incidents", "incident");
        owners.put("register", "incident");
        owners.put("statistics", "incident");
        owners.put("escalations", "escalation");
        owners.put("engagements", "escalation");
        owners.put("subsidies", "subsidy");
        owners.put("catalog", "knowledge");
        owners.put("sessions", "knowledge");
        owners.put("recommendations", "knowledge");
        owners.put("vos", "knowledge");
        owners.put("work-agenda", "knowledge");
        return Map.copyOf(owners);
    }
}
