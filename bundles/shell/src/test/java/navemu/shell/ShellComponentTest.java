package navemu.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ShellComponentTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        // Usage is judged before the framework is touched, so no BundleContext is needed here.
        ShellComponent shell = new ShellComponent(null, null, null);
        return shell.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBadCommandLineExitsTwoWithTheReasonAndTheUsage() {
        assertEquals(2, run("--bogus"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("navemu: unknown option '--bogus'"), message);
        assertTrue(message.contains("usage: navemu [--json]"), message);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: navemu"));
    }
}
