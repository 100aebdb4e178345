package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every script in {@code config/scripts/} replays green against the real jar and the lab: the
 * tour, the certificate catalog, HSTS, comparisons. A script that goes red names its line.
 */
@Timeout(300)
class ShippedScriptsIT {

    @TempDir
    static Path home;

    static Stream<Path> scripts() throws IOException {
        Path dir = Path.of(System.getProperty("navemu.scripts", "../config/scripts"));
        return Files.list(dir).filter(p -> p.toString().endsWith(".nav")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void theScriptReplaysGreen(Path script) throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--script", script.toAbsolutePath().toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains(" passed, 0 failed"), run.toString());
    }
}
