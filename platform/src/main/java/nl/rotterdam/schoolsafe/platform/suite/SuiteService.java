package nl.rotterdam.schoolsafe.platform.suite;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The suite's services behind the gateway, in start order: the one list the local runtime (databases,
 * processes, ports), the gateway's routes and its metric labels are built from. Adding a service
 * means adding it here (and its module to the build).
 */
public enum SuiteService {
    INCIDENT("incident", List.of("incidents", "register", "statistics")),
    ESCALATION("escalation", List.of("escalations", "engagements")),
    SUBSIDY("subsidy", List.of("subsidies")),
    KNOWLEDGE("knowledge", List.of("catalog", "sessions", "recommendations", "vos", "work-agenda"));

    private final String id;
    private final List<String> areas;

    SuiteService(String id, List<String> areas) {
        this.id = id;
        this.areas = areas;
    }

    /** Short name: also the name of its database and the {@code <ID>_SERVICE_URL} the gateway reads. */
    public String id() {
        return id;
    }

    /** The Maven module and process name, e.g. {@code incident-service}. */
    public String module() {
        return id + "-service";
    }

    /** The API areas it owns: {@code /api/v1/<area>/…}. */
    public List<String> areas() {
        return areas;
    }

    /** Its port in the local run: the gateway's port plus its place in this list (1, 2, …). */
    public int localPort(int gatewayPort) {
        return gatewayPort + ordinal() + 1;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SuiteService::id).toList();
    }

    /** The service that owns an API area. */
    public static Optional<SuiteService> owning(String area) {
        return Arrays.stream(values()).filter(s -> s.areas.contains(area)).findFirst();
    }
}
