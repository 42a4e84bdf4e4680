package nl.rotterdam.schoolsafe.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Keeps docker-compose.yml true to the code: its modules exist and its variables are read. */
class DockerComposeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PLATFORM_DEFAULTS =
            ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");

    private static Map<String, Map<String, Object>> services() throws IOException {
        return services("docker-compose.yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve(file)));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> secretTargets(Map<String, Object> service) {
        Set<String> targets = new TreeSet<>();
        for (Object secret : (List<Object>) service.getOrDefault("secrets", List.of())) {
            targets.add(String.valueOf(((Map<String, Object>) secret).get("target")));
        }
        return targets;
    }

    @SuppressWarnings("unchecked")
    private static String moduleOf(Map<String, Object> service) {
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        return build == null ? null : (String) ((Map<String, Object>) build.get("args")).get("MODULE");
    }

    /** Variables the module's configuration does not read, e.g. {@code ${DB_URL:…}}. */
    static Set<String> unread(String module, Set<String> variables) throws IOException {
        String config = Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        config += Files.readString(PLATFORM_DEFAULTS);
        Set<String> unread = new TreeSet<>();
        for (String variable : variables) {
            if (!config.contains("${" + variable + "}") && !config.contains("${" + variable + ":")) {
                unread.add(variable);
            }
        }
        return unread;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyComposedModuleExistsAndEveryVariableItSetsIsOneTheServiceReads() throws IOException {
        List<String> modules = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            String module = moduleOf(service.getValue());
            if (module == null) {
                continue;
            }
            modules.add(module);
            assertTrue(Files.exists(ROOT.resolve(module).resolve("pom.xml")), "module " + module + " does not exist");
            Map<String, Object> environment =
                    (Map<String, Object>) service.getValue().get("environment");
            assertEquals(
                    Set.of(), unread(module, environment.keySet()), service.getKey() + " sets variables nothing reads");
            assertEquals(
                    Set.of(),
                    unread(module, secretTargets(service.getValue())),
                    service.getKey() + " is given secrets nothing reads");
        }
        assertEquals(
                new TreeSet<>(LocalSuite.MODULES.values()),
                new TreeSet<>(modules),
                "compose runs exactly the five services");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLongRunningContainerHasAHealthCheckARestartPolicyAnExactImageAndWaitsForHealth() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Set<String> declaredSecrets = ((Map<String, Object>) compose.get("secrets")).keySet();
        String makeSecrets = Files.readString(ROOT.resolve("deploy/compose/make-secrets.sh"));
        for (Map.Entry<String, Map<String, Object>> entry : services().entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = entry.getValue();
            if (!name.equals("kafka-access")) {
                assertTrue(service.containsKey("healthcheck"), name + " has a health check");
                assertEquals("unless-stopped", service.get("restart"), name + " restarts");
            }
            String image = String.valueOf(service.get("image"));
            assertTrue(
                    image.matches(".+:(\\d+(\\.\\d+)+|\\$\\{SCHOOLSAFE_VERSION:-[^}]+})"),
                    name + " runs an exact image tag: " + image);
            Object dependsOn = service.get("depends_on");
            if (dependsOn instanceof Map<?, ?> conditions) {
                conditions
                        .values()
                        .forEach(c -> assertTrue(
                                String.valueOf(c).contains("service_healthy")
                                        || String.valueOf(c).contains("service_completed_successfully"),
                                name + " waits for health: " + c));
            } else {
                assertEquals(null, dependsOn, name + " names its dependencies with conditions");
            }
            for (Object secret : (List<Object>) service.getOrDefault("secrets", List.of())) {
                String source = String.valueOf(((Map<String, Object>) secret).get("source"));
                assertTrue(declaredSecrets.contains(source), name + " uses the declared secret " + source);
                assertTrue(makeSecrets.contains(source), "make-secrets.sh writes " + source);
            }
            Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
            environment.forEach((key, value) -> assertTrue(
                    !key.matches(".*(PASSWORD|SECRET)$")
                            || key.endsWith("_FILE")
                            || key.equals("KC_BOOTSTRAP_ADMIN_USERNAME"),
                    name + " takes " + key + " from a file, not the environment"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReplicasFileRunsThreeBrokersAndTwoOfEachServiceWhichTheGatewayBalances() throws IOException {
        Map<String, Map<String, Object>> replicas = services("docker-compose.replicas.yml");
        assertTrue(replicas.keySet().containsAll(List.of("kafka", "kafka-2", "kafka-3")));
        Map<String, Object> gateway =
                (Map<String, Object>) replicas.get("gateway").get("environment");
        assertEquals(Set.of(), unread("gateway", gateway.keySet()), "the gateway's variables are read");
        for (nl.rotterdam.schoolsafe.platform.suite.SuiteService service :
                nl.rotterdam.schoolsafe.platform.suite.SuiteService.values()) {
            String module = service.module();
            for (String instance : List.of(module, module + "-2")) {
                Map<String, Object> environment =
                        (Map<String, Object>) replicas.get(instance).get("environment");
                assertEquals(
                        Set.of(), unread(module, environment.keySet()), instance + " sets variables nothing reads");
                assertEquals("kafka:9092,kafka-2:9092,kafka-3:9092", environment.get("KAFKA_BOOTSTRAP_SERVERS"));
            }
            assertEquals(
                    Map.of("file", "docker-compose.yml", "service", module),
                    replicas.get(module + "-2").get("extends"));
            String prefix = service.id().toUpperCase(java.util.Locale.ROOT);
            assertEquals(
                    "http://" + module + ":8080,http://" + module + "-2:8080", gateway.get(prefix + "_SERVICE_URL"));
            assertEquals(
                    "http://" + module + ":9000,http://" + module + "-2:9000",
                    gateway.get(prefix + "_SERVICE_MANAGEMENT_URL"));
        }
    }

    @Test
    void aVariableNoServiceReadsIsCaught() throws IOException {
        assertEquals(Set.of("NOT_READ_ANYWHERE"), unread("incident-service", Set.of("DB_URL", "NOT_READ_ANYWHERE")));
        assertEquals(Set.of("PSEUDONYM_SECRET"), unread("gateway", Set.of("PSEUDONYM_SECRET", "INCIDENT_SERVICE_URL")));
    }

    @Test
    void theComposedBrokerGrantsEachServiceExactlyWhatTheSuiteDeclares() throws IOException {
        List<String> script = Files.readAllLines(ROOT.resolve("docker/kafka-access.sh"));
        Set<String> granted = new TreeSet<>();
        for (String line : script) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && (words[0].equals("produces") || words[0].equals("consumes"))) {
                granted.add(words[0] + " " + words[1] + " " + words[2]);
            }
        }
        Set<String> declared = new TreeSet<>();
        for (nl.rotterdam.schoolsafe.platform.suite.SuiteService service :
                nl.rotterdam.schoolsafe.platform.suite.SuiteService.values()) {
            service.produces().forEach(t -> declared.add("produces " + service.principal() + " " + t));
            service.consumes().forEach(t -> declared.add("consumes " + service.principal() + " " + t));
        }
        assertEquals(declared, granted, "docker/kafka-access.sh must grant what SuiteService declares, no more");
        for (String topic : nl.rotterdam.schoolsafe.platform.event.TopicLayout.internalTopics()) {
            assertTrue(
                    script.stream()
                            .anyMatch(l -> l.contains(topic + " ") || l.endsWith(topic) || l.contains(topic + ";")),
                    "docker/kafka-access.sh provisions " + topic);
        }
    }
}
