package nl.rotterdam.schoolsafe.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.rotterdam.schoolsafe.runtime.DemoData;
import org.junit.jupiter.api.Test;

/**
 * The frontend team's client (clients/typescript): generated from the checked-in OpenAPI document with
 * openapi-typescript, compiled with tsc --strict, free of any and unknown, and its smoke flow run with Node's test
 * runner against the suite the system tests start.
 */
class TypeScriptClientIT {
    private static final Path ROOT = Path.of(System.getProperty("schoolsafe.root", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path CLIENT = ROOT.resolve("clients/typescript");
    /** openapi-typescript leaves the headers a response does not declare open; that is the only unknown allowed. */
    private static final String UNDECLARED_HEADERS = "[name: string]: unknown;";

    @Test
    void theGeneratedClientCompilesStrictlyHasNoLooseTypeAndRunsTheFrontendsEverydayCalls() throws Exception {
        if (!Files.exists(CLIENT.resolve("node_modules/.bin/tsc"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 600);
        }
        run(List.of("npm", "run", "build"), Map.of(), 300);

        String types = Files.readString(CLIENT.resolve("src/generated/schoolsafe-api.ts"));
        assertEquals(List.of(), loose(types, true), "the generated types name every body and field");
        for (Path source : List.of(CLIENT.resolve("src/index.ts"), CLIENT.resolve("test/smoke.test.ts"))) {
            String code = Files.readString(source);
            assertEquals(List.of(), loose(code, false), source + " needs no loose type");
            List<String> casts = code(code).stream()
                    .filter(line -> Pattern.compile("\\bas [A-Z{]|<[A-Z]\\w*>\\s*\\w|!\\.")
                            .matcher(line)
                            .find())
                    .toList();
            assertEquals(List.of(), casts, source + " has no cast and no non-null assertion");
        }
        Matcher operations = Pattern.compile("(?m)^    (\\w+): \\{$")
                .matcher(types.substring(types.indexOf("export interface operations")));
        int typed = 0;
        while (operations.find()) {
            typed++;
        }
        assertTrue(typed >= 80, "every operation is in the operations type: " + typed);

        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("SCHOOLSAFE_API", SharedSuite.get().gatewayUrl() + "/api/v1");
        DemoData.ROLES.keySet().forEach(role -> environment.put("TOKEN_" + role, SharedSuite.token(role)));
        String out = run(List.of("node", "--test", "--test-reporter=tap", "dist/test/"), environment, 180);
        System.out.println("[typescript] " + typed + " typed operations; smoke flow:\n" + out);
        assertTrue(out.contains("# fail 0") && out.contains("# pass 3"), out);
    }

    /** Lines (outside comments) that use any, or unknown other than for undeclared headers. */
    private static List<String> loose(String source, boolean generated) {
        return code(source).stream()
                .filter(line -> !(generated && line.equals(UNDECLARED_HEADERS)))
                .filter(line ->
                        Pattern.compile("\\bany\\b|\\bunknown\\b").matcher(line).find())
                .toList();
    }

    /** The lines that are code, not comments. */
    private static List<String> code(String source) {
        List<String> code = new ArrayList<>();
        for (String line : source.split("\n")) {
            String stripped = line.strip();
            if (!(stripped.startsWith("*") || stripped.startsWith("/*") || stripped.startsWith("//"))) {
                code.add(stripped);
            }
        }
        return code;
    }

    private static String run(List<String> command, Map<String, String> environment, int seconds) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), command + " failed:\n" + out);
        return out;
    }
}
