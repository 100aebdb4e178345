package navemu.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ShellEntryTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        // Usage is judged before the framework is touched, so no BundleContext is needed here.
        ShellEntry shell = new ShellEntry(null);
        return shell.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aBadCommandLineExitsTwoWithTheReasonAndTheUsage() {
        assertEquals(2, run("--bogus"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("navemu: unknown option '--bogus'"), message);
        assertTrue(message.contains("usage: navemu [--home DIR] [--config DIR] [--json]"), message);
        assertEquals(1, message.split("usage:", -1).length - 1, "the usage once: " + message);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.startsWith("usage: navemu"), help);
        for (String option : new String[] {"-c, --command", "--script FILE", "--json", "--junit FILE", "--home DIR",
                "--config DIR", "-h, --help", "--version", "SSLKEYLOGFILE", "NAVEMU_HOME", "NAVEMU_CONFIG"}) {
            assertTrue(help.contains(option), option + " in: " + help);
        }
        assertEquals(1, help.split("usage:", -1).length - 1, "the usage once: " + help);
    }
}
