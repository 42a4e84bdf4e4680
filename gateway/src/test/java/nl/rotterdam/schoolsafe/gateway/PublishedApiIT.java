package nl.rotterdam.schoolsafe.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The one published API description: served unauthenticated, free of errors under the NL GOV API
 * Design Rules and OWASP rulesets (Spectral), compatible with the checked-in published copy, and
 * tried out in its interactive reference in a real browser.
 */
class PublishedApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("schoolsafe.root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path PUBLISHED = ROOT.resolve("gateway/src/main/resources/openapi/schoolsafe-api-v1.json");
    private static final Path WORK = Path.of("target", "published-api").toAbsolutePath();
    private static String document;

    @BeforeAll
    static void fetch() throws IOException {
        SharedSuite.get();
        document = given().get("/api/v1/openapi.json")
                .then()
                .statusCode(200)
                .header("API-Version", equalTo("1.0.0"))
                .body("info.contact.email", equalTo("schoolsafe@rotterdam.nl"))
                .body("servers[0].url", equalTo(SharedSuite.PUBLIC_URL + "/api/v1"))
                .extract()
                .asString();
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("openapi.json"), document);
    }

    @Test
    void everyServicesOperationsArePublishedWithTheirProblems() throws IOException {
        JsonNode paths = JSON.readTree(document).path("paths");
        for (String path : List.of(
                "/incidents",
                "/incidents/{incidentId}/police-report/decisions",
                "/register/partners/{partnerId}",
                "/statistics/incidents",
                "/escalations",
                "/escalations/{escalationId}/engagements",
                "/engagements/{engagementId}/accept")) {
            assertTrue(paths.has(path), "published: " + path);
        }
        JsonNode list = paths.path("/incidents").path("get").path("responses");
        assertTrue(list.path("200").path("headers").has("API-Version"));
        assertTrue(list.path("400").path("content").has("application/problem+json"));
    }

    /** A generated client names its functions after them: each is camelCase, and unique across the whole API. */
    @Test
    void everyOperationHasItsOwnCamelCaseOperationId() throws IOException {
        Map<String, String> seen = new java.util.TreeMap<>();
        List<String> problems = new ArrayList<>();
        JSON.readTree(document)
                .path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String where = operation.getKey().toUpperCase() + " " + path.getKey();
                    String id = operation.getValue().path("operationId").asText("");
                    if (!id.matches("[a-z][a-zA-Z0-9]+")) {
                        problems.add(where + " has no camelCase operationId: '" + id + "'");
                    } else if (seen.containsKey(id)) {
                        problems.add(id + " names both " + seen.get(id) + " and " + where);
                    } else {
                        seen.put(id, where);
                    }
                }));
        assertEquals(List.of(), problems);
        assertTrue(seen.size() >= 80, "every operation: " + seen.size());
        assertEquals("/incidents", seen.get("registerIncident").substring(5));
    }

    /**
     * What a generated client needs from each operation: a typed body on every success (no empty schema), a
     * Location on every 201, a description on every parameter and an example on every request body.
     */
    @Test
    void everyOperationIsTypedDescribedAndExemplified() throws IOException {
        List<String> problems = new ArrayList<>();
        int operations = 0;
        JsonNode root = JSON.readTree(document);
        for (var path : root.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations++;
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                op.path("responses").properties().forEach(response -> {
                    if (!response.getKey().startsWith("2")) {
                        return;
                    }
                    if (response.getKey().equals("201")
                            && !response.getValue().path("headers").has("Location")) {
                        problems.add(where + " answers 201 without a Location");
                    }
                    response.getValue().path("content").forEach(media -> {
                        JsonNode schema = media.path("schema");
                        if (schema.isMissingNode() || schema.isEmpty()) {
                            problems.add(where + " answers " + response.getKey() + " with an untyped body");
                        }
                    });
                });
                op.path("parameters").forEach(parameter -> {
                    if (parameter.path("description").asText("").isBlank()) {
                        problems.add(
                                where + " parameter " + parameter.path("name").asText() + " has no description");
                    }
                });
                op.path("requestBody").path("content").forEach(media -> {
                    if (!media.has("example") && !media.has("examples")) {
                        problems.add(where + " has no request example");
                    }
                });
            }
        }
        System.out.println("[published-api] " + operations + " operations");
        assertEquals(List.of(), problems);
    }

    @Test
    void theDocumentHasNoErrorsUnderTheApiDesignRulesAndOwaspRulesets() throws Exception {
        Path spectral = installSpectral();
        for (String ruleset : List.of("adr-ruleset.yaml", "owasp-ruleset.yaml")) {
            Files.copy(
                    ROOT.resolve("lint").resolve(ruleset),
                    WORK.resolve(ruleset),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder command = new ProcessBuilder(
                            spectral.toString(),
                            "lint",
                            "-r",
                            WORK.resolve(ruleset).toString(),
                            WORK.resolve("openapi.json").toString(),
                            "-f",
                            "json",
                            "-q")
                    .directory(WORK.toFile())
                    .redirectError(WORK.resolve(ruleset + ".err").toFile());
            // The OWASP ruleset is an npm package the ruleset file extends; Spectral resolves it through NODE_PATH.
            command.environment()
                    .put("NODE_PATH", spectral.getParent().getParent().toString());
            Process lint = command.start();
            String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(lint.waitFor(300, TimeUnit.SECONDS), "spectral finished");
            String failure = Files.readString(WORK.resolve(ruleset + ".err"));
            assertFalse(
                    failure.contains("Error running Spectral") || lint.exitValue() > 1,
                    "Spectral could not run " + ruleset + " (a ruleset that does not load checks nothing): " + failure);
            List<String> errors = new ArrayList<>();
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (JsonNode finding : JSON.readTree(output.isBlank() ? "[]" : output)) {
                String code = finding.path("code").asText();
                counts.merge(
                        code + " ("
                                + List.of("error", "warning", "info", "hint")
                                        .get(finding.path("severity").asInt()) + ")",
                        1,
                        Integer::sum);
                // an unrestricted string is an error here: each string states its format, pattern or enum, or the
                // ruleset's overrides name why it is free text
                if (finding.path("severity").asInt() == 0 || code.endsWith("string-restricted")) {
                    errors.add(code + " at " + finding.path("path"));
                }
            }
            System.out.println("[published-api] " + ruleset + ": " + (counts.isEmpty() ? "no findings" : counts));
            assertEquals(List.of(), errors, ruleset);
        }
    }

    @Test
    void noPublishedOperationBreaks() throws IOException {
        if (Boolean.getBoolean("schoolsafe.openapi.write") || !Files.exists(PUBLISHED)) {
            Files.createDirectories(PUBLISHED.getParent());
            Files.writeString(
                    PUBLISHED,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(statusesInOrder(JSON.readTree(document)))
                            + "\n");
        }
        ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(PUBLISHED), document);
        assertFalse(
                diff.isIncompatible(),
                "the API breaks a published operation: missing " + diff.getMissingEndpoints()
                        + ", changed "
                        + diff.getChangedOperations().stream()
                                .filter(o -> o.isIncompatible())
                                .map(o -> o.getHttpMethod() + " " + o.getPathUrl())
                                .toList());
    }

    /** The merge lists an operation's answers in no fixed order; the checked-in copy lists them by status. */
    private static JsonNode statusesInOrder(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (object.has("200") || object.has("201") || object.has("202") || object.has("204")) {
                names.sort(null);
            }
            ObjectNode ordered = JSON.createObjectNode();
            names.forEach(name -> ordered.set(name, statusesInOrder(object.get(name))));
            return ordered;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode ordered = JSON.createArrayNode();
            array.forEach(item -> ordered.add(statusesInOrder(item)));
            return ordered;
        }
        return node;
    }

    /**
     * The interactive reference as a frontend developer uses it, in headless Chromium: every operation and schema
     * shown, a pasted demo token authorized, "List your incidents" tried, and the 200 with its rows shown. The
     * screenshot is kept in target/published-api.
     */
    @Test
    void theReferenceTriesListIncidentsWithAPastedTokenInChromium() throws Exception {
        Path chromium = Browsers.chromium();
        Path tool = ROOT.resolve("gateway/reference-test");
        if (!Files.exists(tool.resolve("node_modules/puppeteer-core"))) {
            run(tool, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
        }
        Path screenshot = WORK.resolve("reference-try-it.png");
        Files.deleteIfExists(screenshot);
        String out = run(
                tool,
                List.of(
                        "node",
                        "try-it.mjs",
                        chromium.toString(),
                        SharedSuite.get().gatewayUrl() + "/api/v1/reference",
                        SharedSuite.token("SAFETY_COORDINATOR"),
                        screenshot.toString()),
                180);
        String[] lines = out.strip().split("\n");
        JsonNode seen = JSON.readTree(lines[lines.length - 1]);
        assertEquals("200", seen.path("status").asText(), out);
        assertTrue(seen.path("rows").asInt() > 0, "the demo incidents are listed: " + out);
        assertTrue(seen.path("operations").asInt() >= 80, "every operation is shown: " + out);
        assertTrue(seen.path("schemas").asInt() >= 5, "the schemas are shown (a virtualized list): " + out);
        assertTrue(seen.path("curl").asText().contains(SharedSuite.get().gatewayUrl() + "/api/v1/incidents"), out);
        assertTrue(Files.size(screenshot) > 10_000, "a screenshot was taken");
        String page = given().get("/api/v1/reference")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(page.matches("(?s).*(src|href)=\"https?:.*"), "every asset comes from the gateway: " + page);
    }

    private static String run(Path dir, List<String> command, int seconds) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), command + " failed:\n" + out);
        return out;
    }

    /** Spectral from npm, installed once into target/. */
    private static Path installSpectral() throws Exception {
        Path prefix = Path.of("target", "spectral").toAbsolutePath();
        Path binary = prefix.resolve("node_modules/.bin/spectral");
        if (!Files.exists(binary)) {
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--no-audit",
                            "--no-fund",
                            "--prefix",
                            prefix.toString(),
                            "@stoplight/spectral-cli@6.16.3",
                            "@stoplight/spectral-owasp-ruleset@2.0.1")
                    .redirectErrorStream(true)
                    .redirectOutput(new File(WORK.resolve("npm.log").toString()))
                    .start();
            assertTrue(
                    npm.waitFor(600, TimeUnit.SECONDS) && npm.exitValue() == 0,
                    "npm install of spectral failed; see " + WORK.resolve("npm.log"));
        }
        return binary;
    }
}
