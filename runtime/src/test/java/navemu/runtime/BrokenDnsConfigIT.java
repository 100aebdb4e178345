package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typo in {@code navemu.dns.cfg} or {@code navemu.navigator.cfg}, under the real Felix: one line
 * naming the file, the key and what is wrong, no stack trace, and the rest of the settings kept.
 */
@Timeout(300)
class BrokenDnsConfigIT {

    @Test
    void wrongNumbersAreOneLineEachAndTheResolverStillWorks(@TempDir Path home, @TempDir Path config) throws Exception {
        ConfigCopy.of(config);
        Files.writeString(config.resolve("osgi/navemu.dns.cfg"), "timeoutMs=abc\nretries=-1\naddressOrder=ipv4-first\n");
        Files.writeString(config.resolve("osgi/navemu.navigator.cfg"), "hopTimeoutMs=forever\n");

        NavemuProcess.Outcome run = NavemuProcess.run(home, "--config", config.toString(), "-c", "dns www.lab.test");

        assertEquals(0, run.exitCode(), run.toString());
        String err = run.stderr();
        assertTrue(err.contains("navemu.dns.cfg: timeoutMs=abc refused (not a whole number); using 2000"), run.toString());
        assertTrue(err.contains("navemu.dns.cfg: retries=-1 refused (must be from 0 to 5 retries); using 1"), run.toString());
        assertTrue(err.contains("navemu.navigator.cfg: hopTimeoutMs=forever refused"), run.toString());
        assertEquals(err.indexOf("hopTimeoutMs=forever"), err.lastIndexOf("hopTimeoutMs=forever"), "said once: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + run);
        assertTrue(run.stdout().contains("www.lab.test → [127.0.0.1]"), "the lab name still resolves: " + run);
    }
}
