package nl.rotterdam.schoolsafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.rotterdam.schoolsafe.platform.suite.SuiteService;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes deployment in deploy/kubernetes: the generated part equal to what quarkus-kubernetes renders, every
 * manifest of the base and of each overlay (rendered here as kustomize would: namespace, images, JSON patches)
 * read into the Kubernetes API's own types with no field the type does not know, and the suite's rules on top.
 */
class KubernetesManifestsIT {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> BUILD_ANNOTATIONS = List.of("app.quarkus.io/commit-id", "app.quarkus.io/vcs-uri");
    private static final Path ROOT = Path.of(System.getProperty("schoolsafe.root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final List<String> APPLICATIONS = applications();

    private static List<String> applications() {
        List<String> applications = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            applications.add(service.module());
        }
        applications.add("gateway");
        return applications;
    }

    @Test
    void theGeneratedManifestsAreWhatQuarkusKubernetesRenders() throws IOException {
        for (String application : APPLICATIONS) {
            Path rendered = ROOT.resolve(application).resolve("target/kubernetes/kubernetes.yml");
            Path checkedIn = KUBERNETES.resolve("base/generated").resolve(application + ".yml");
            if (Boolean.getBoolean("schoolsafe.kubernetes.write")) {
                Files.createDirectories(checkedIn.getParent());
                Files.writeString(
                        checkedIn,
                        "# rendered by quarkus-kubernetes from " + application
                                + "'s configuration; do not edit (KubernetesManifestsIT)\n"
                                + Files.readString(rendered)
                                        .replaceAll("(?m)^ *app\\.quarkus\\.io/(commit-id|vcs-uri): .*\n", ""));
            }
            assertEquals(
                    withoutCommit(documents(rendered)),
                    withoutCommit(documents(checkedIn)),
                    checkedIn + " differs from " + rendered + ": regenerate (see base/kustomization.yaml)");
        }
    }

    @Test
    void everyManifestOfTheBaseAndEachOverlayIsValidKubernetes() throws IOException {
        for (String root : List.of("base", "overlays/production", "overlays/trial")) {
            List<ObjectNode> manifests = render(KUBERNETES.resolve(root));
            assertFalse(manifests.isEmpty(), root);
            for (ObjectNode manifest : manifests) {
                String name = root + ": " + manifest.path("kind").asText() + "/"
                        + manifest.path("metadata").path("name").asText();
                assertTrue(manifest.path("metadata").path("name").asText().matches("[a-z0-9.-]{1,63}"), name);
                HasMetadata resource = Serialization.unmarshal(YAML.writeValueAsString(manifest));
                if (resource instanceof GenericKubernetesResource) {
                    // an operator's resource (CloudNativePG, Strimzi, Prometheus): an API this deployment documents
                    assertTrue(
                            Set.of("postgresql.cnpg.io/v1", "kafka.strimzi.io/v1beta2", "monitoring.coreos.com/v1")
                                    .contains(manifest.path("apiVersion").asText()),
                            name + " has a known API version");
                    assertTrue(manifest.path("spec").isObject(), name + " has a spec");
                    continue;
                }
                List<String> unknown = new ArrayList<>();
                unknownFields(resource, "", unknown);
                assertEquals(List.of(), unknown, name + " has fields Kubernetes does not know");
            }
        }
    }

    @Test
    void eachApplicationIsProbedLimitedAutoscaledProtectedAndFedItsConfiguration() throws IOException {
        List<ObjectNode> base = render(KUBERNETES.resolve("base"));
        Set<String> configMaps = names(base, "ConfigMap");
        for (String application : APPLICATIONS) {
            Deployment deployment =
                    Serialization.unmarshal(YAML.writeValueAsString(find(base, "Deployment", application)));
            var container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(
                    9000, container.getReadinessProbe().getHttpGet().getPort().getIntVal(), application);
            assertEquals(
                    "/q/health/ready",
                    container.getReadinessProbe().getHttpGet().getPath(),
                    application);
            assertEquals(
                    "/q/health/live", container.getLivenessProbe().getHttpGet().getPath(), application);
            assertTrue(container.getResources().getLimits().containsKey("memory"), application + " has a memory limit");
            assertTrue(container.getResources().getRequests().containsKey("cpu"), application + " requests CPU");
            for (var source : container.getEnvFrom()) {
                assertTrue(configMaps.contains(source.getConfigMapRef().getName()), application + " reads " + source);
            }
            assertTrue(
                    container.getVolumeMounts().stream()
                            .anyMatch(m -> m.getMountPath().equals("/run/secrets")),
                    application + " has its secrets as files");
            var pod = deployment.getSpec().getTemplate().getSpec();
            for (var volume : pod.getVolumes()) {
                if (volume.getSecret() != null) {
                    // the image runs as 185, not root: the files must be readable by the pod's group
                    assertTrue(
                            (volume.getSecret().getDefaultMode() & 040) != 0
                                    && Long.valueOf(185)
                                            .equals(pod.getSecurityContext().getFsGroup()),
                            application + "'s secret volume " + volume.getName() + " is readable by its user");
                }
            }
            assertTrue(names(base, "HorizontalPodAutoscaler").contains(application), application + " autoscales");
            assertTrue(names(base, "PodDisruptionBudget").contains(application), application + " has a budget");
        }
        assertTrue(names(base, "Ingress").equals(Set.of("gateway")), "only the gateway is exposed");
        assertTrue(names(base, "NetworkPolicy").contains("default-deny"), "traffic is denied unless allowed");
    }

    @Test
    void theBrokersUsersMayDoExactlyWhatTheSuiteDeclares() throws IOException {
        Set<String> granted = new TreeSet<>();
        for (ObjectNode user : render(KUBERNETES.resolve("base"))) {
            if (!user.path("kind").asText().equals("KafkaUser")
                    || user.path("metadata").path("name").asText().startsWith("partner-")) {
                continue;
            }
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                if (!resource.path("type").asText().equals("topic")) {
                    continue;
                }
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                String topic = resource.path("name").asText();
                if (operations.contains("Write") && !topic.endsWith(".dlq")) {
                    granted.add("produces " + user.path("metadata").path("name").asText() + " " + topic);
                } else if (operations.contains("Read")) {
                    granted.add("consumes " + user.path("metadata").path("name").asText() + " " + topic);
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        for (SuiteService service : SuiteService.values()) {
            service.produces().forEach(t -> declared.add("produces " + service.principal() + " " + t));
            service.consumes().forEach(t -> declared.add("consumes " + service.principal() + " " + t));
        }
        assertEquals(declared, granted);
    }

    /** The manifests of a kustomization, as {@code kustomize build} would give them for what this repository uses. */
    static List<ObjectNode> render(Path directory) throws IOException {
        JsonNode kustomization =
                YAML.readTree(directory.resolve("kustomization.yaml").toFile());
        List<ObjectNode> manifests = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                manifests.addAll(render(path));
            } else {
                documents(path).forEach(d -> manifests.add((ObjectNode) d));
            }
        }
        String namespace = kustomization.path("namespace").asText(null);
        for (ObjectNode manifest : manifests) {
            if (namespace != null) {
                ((ObjectNode) manifest.path("metadata")).put("namespace", namespace);
            }
            for (JsonNode image : kustomization.path("images")) {
                for (JsonNode container : manifest.at("/spec/template/spec/containers")) {
                    String current = container.path("image").asText();
                    if (current.startsWith(image.path("name").asText() + ":")) {
                        ((ObjectNode) container)
                                .put(
                                        "image",
                                        image.path("newName").asText() + ":"
                                                + image.path("newTag").asText());
                    }
                }
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            JsonNode target = patch.path("target");
            JsonNode operations = YAML.readTree(patch.path("patch").asText());
            boolean applied = false;
            for (int i = 0; i < manifests.size(); i++) {
                ObjectNode manifest = manifests.get(i);
                if (manifest.path("kind").asText().equals(target.path("kind").asText())
                        && (!target.has("name")
                                || manifest.path("metadata")
                                        .path("name")
                                        .asText()
                                        .equals(target.path("name").asText()))) {
                    manifests.set(i, (ObjectNode) JsonPatch.apply(operations, manifest));
                    applied = true;
                }
            }
            assertTrue(applied, directory + ": a patch for " + target + " matches no manifest");
        }
        return manifests;
    }

    /**
     * Two renderings of one configuration differ only in where and from which commit they were built, and in the
     * order of a container's ports and configuration sources, which the extension does not keep stable.
     */
    private static List<JsonNode> withoutCommit(List<JsonNode> documents) {
        for (JsonNode document : documents) {
            for (String annotation : BUILD_ANNOTATIONS) {
                document.findParents(annotation).forEach(annotations -> ((ObjectNode) annotations).remove(annotation));
            }
            for (String unordered : List.of("ports", "envFrom")) {
                for (JsonNode owner : document.findParents(unordered)) {
                    if (owner.path(unordered).isArray()) {
                        List<JsonNode> items = new ArrayList<>();
                        owner.path(unordered).forEach(items::add);
                        items.sort(java.util.Comparator.comparing(JsonNode::toString));
                        ((ObjectNode) owner).putArray(unordered).addAll(items);
                    }
                }
            }
        }
        return documents;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    if (document.path("kind").asText().equals("List")) {
                        document.path("items").forEach(documents::add);
                    } else {
                        documents.add(document);
                    }
                }
            }
        }
        return documents;
    }

    private static ObjectNode find(List<ObjectNode> manifests, String kind, String name) {
        return manifests.stream()
                .filter(m -> m.path("kind").asText().equals(kind)
                        && m.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Set<String> names(List<ObjectNode> manifests, String kind) {
        return manifests.stream()
                .filter(m -> m.path("kind").asText().equals(kind))
                .map(m -> m.path("metadata").path("name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Fields a typed Kubernetes object kept aside because its schema has no such field. */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null
                || value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Enum<?>
                || value instanceof Quantity
                || value instanceof IntOrString) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(field, path + "." + getter.getName().substring(3), unknown);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void theSchemaCheckCatchesAFieldKubernetesDoesNotKnow() throws IOException {
        HasMetadata misspelt = Serialization.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                  template: {spec: {containers: [{name: x, image: x, readinesProbe: {}}]}}
                """);
        List<String> unknown = new ArrayList<>();
        unknownFields(misspelt, "", unknown);
        assertEquals(2, unknown.size(), unknown.toString());
        assertTrue(unknown.toString().contains("replica") && unknown.toString().contains("readinesProbe"));
    }
}
