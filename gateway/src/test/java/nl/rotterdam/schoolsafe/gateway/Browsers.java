package nl.rotterdam.schoolsafe.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Debian's Chromium for the browser test, installed by the test setup when the machine lacks it. */
final class Browsers {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browsers() {}

    static synchronized Path chromium() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM)) {
            return CHROMIUM;
        }
        Path log = Path.of("target", "apt-chromium.log").toAbsolutePath();
        String install =
                "(apt-get install -y --no-install-recommends chromium || (apt-get update && apt-get install -y --no-install-recommends chromium))";
        Process apt = new ProcessBuilder("sh", "-c", install)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!apt.waitFor(900, TimeUnit.SECONDS) || apt.exitValue() != 0 || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(
                    "could not install Debian's chromium (needs root and the Debian mirror); see " + log);
        }
        return CHROMIUM;
    }
}
