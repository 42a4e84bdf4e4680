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

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
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
        }
        assertEquals(
                new TreeSet<>(LocalSuite.MODULES.values()),
                new TreeSet<>(modules),
                "compose runs exactly the five services");
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
