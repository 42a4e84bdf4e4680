package nl.rotterdam.schoolsafe.platform.suite;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.rotterdam.schoolsafe.platform.event.Topics;

/**
 * The suite's services behind the gateway, in start order: the one list the local runtime (databases,
 * processes, ports), the gateway's routes and its metric labels are built from. Adding a service
 * means adding it here (and its module to the build).
 */
public enum SuiteService {
    INCIDENT(
            "incident",
            List.of("incidents", "register", "statistics"),
            List.of(Topics.INCIDENT, Topics.REGISTER),
            List.of()),
    ESCALATION(
            "escalation",
            List.of("escalations", "engagements", "subscriptions", "expulsions"),
            List.of(Topics.ESCALATION, Topics.PARTNER_PREFIX),
            List.of(Topics.INCIDENT, Topics.REGISTER)),
    SUBSIDY(
            "subsidy",
            List.of("subsidies"),
            List.of(Topics.SUBSIDY),
            List.of(Topics.INCIDENT, Topics.REGISTER, Topics.CATALOG)),
    KNOWLEDGE(
            "knowledge",
            List.of("catalog", "sessions", "recommendations", "vos", "work-agenda"),
            List.of(Topics.KNOWLEDGE, Topics.CATALOG),
            List.of(Topics.INCIDENT, Topics.REGISTER));

    private final String id;
    private final List<String> areas;
    private final List<String> produces;
    private final List<String> consumes;

    SuiteService(String id, List<String> areas, List<String> produces, List<String> consumes) {
        this.id = id;
        this.areas = areas;
        this.produces = produces;
        this.consumes = consumes;
    }

    /**
     * The topics it writes through its outbox; a name ending in {@code .} is a prefix (the partner streams). With
     * {@link #consumes()} this is what its broker principal may do, and nothing more.
     */
    public List<String> produces() {
        return produces;
    }

    /** The topics its consumers read (they park what they cannot process on each topic's {@code .dlq}). */
    public List<String> consumes() {
        return consumes;
    }

    /** Its broker principal (SASL SCRAM user); its consumer groups are named with the same prefix. */
    public String principal() {
        return module();
    }

    /** The service a process is, by its module name ({@code quarkus.application.name}). */
    public static Optional<SuiteService> ofModule(String module) {
        return Arrays.stream(values()).filter(s -> s.module().equals(module)).findFirst();
    }

    /** The one service whose outbox writes a topic, if any. */
    public static Optional<SuiteService> producing(String topic) {
        return Arrays.stream(values())
                .filter(s ->
                        s.produces.stream().anyMatch(t -> t.equals(topic) || (t.endsWith(".") && topic.startsWith(t))))
                .findFirst();
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

    /** Its management interface's port in the local run (health, metrics): the gateway's lies 10 above its own. */
    public int localManagementPort(int gatewayPort) {
        return gatewayPort + 10 + ordinal() + 1;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SuiteService::id).toList();
    }

    /** The service that owns an API area. */
    public static Optional<SuiteService> owning(String area) {
        return Arrays.stream(values()).filter(s -> s.areas.contains(area)).findFirst();
    }
}
