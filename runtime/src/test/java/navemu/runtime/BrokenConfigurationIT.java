package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration file that is wrong is said in one line naming the file, the line and what is
 * wrong — no stack trace, no start-up stalled waiting for a lab that cannot come — and a batch
 * run on it runs nothing and exits with the usage status 2. Each case breaks one file of a copy
 * of the shipped {@code config/} and runs the real jar with {@code --config}.
 */
class BrokenConfigurationIT {

    @TempDir
    Path home;

    private NavemuProcess.Outcome runOn(Path config) throws Exception {
        return NavemuProcess.run(home, "--config", config.toString(), "-c", "open https://www.lab.test/");
    }

    private static void assertOneLineNoStackTrace(NavemuProcess.Outcome outcome, String expectedLine) {
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.stderr().lines().anyMatch(line -> line.startsWith("navemu: ") && line.contains(expectedLine)),
                "one line saying " + expectedLine + ":\n" + outcome);
        assertFalse(outcome.stderr().contains("\tat ") || outcome.stderr().contains("Exception in"), outcome.toString());
        assertTrue(outcome.stderr().contains("configuration errors: nothing was run"), outcome.toString());
        assertTrue(outcome.stdout().isBlank(), "nothing ran:\n" + outcome);
    }

    @Test
    void aBrokenSitesFileNamesItsLine(@TempDir Path dir) throws Exception {
        Path config = ConfigCopy.of(dir);
        Path sites = config.resolve("lab/sites.conf");
        long lines = Files.readAllLines(sites).size();
        Files.writeString(sites, "garbage line here\n", StandardOpenOption.APPEND);
        assertOneLineNoStackTrace(runOn(config), sites + ":" + (lines + 1) + ": expected 'key = value', got: garbage line here");
    }

    @Test
    void aBrokenZoneFileNamesIt(@TempDir Path dir) throws Exception {
        Path config = ConfigCopy.of(dir);
        Path zone = config.resolve("lab/lab.test.zone");
        Files.writeString(zone, "broken IN A not-an-address\n", StandardOpenOption.APPEND);
        assertOneLineNoStackTrace(runOn(config), zone.toString());
    }

    @Test
    void aBrokenFaultsFileNamesItsLine(@TempDir Path dir) throws Exception {
        Path config = ConfigCopy.of(dir);
        Path faults = config.resolve("lab/dns-faults.conf");
        long lines = Files.readAllLines(faults).size();
        Files.writeString(faults, "www.lab.test explode\n", StandardOpenOption.APPEND);
        assertOneLineNoStackTrace(runOn(config), faults + ":" + (lines + 1) + ":");
    }

    @Test
    void aMissingLabFolderNamesTheMissingFile(@TempDir Path dir) throws Exception {
        Path config = ConfigCopy.of(dir);
        try (Stream<Path> files = Files.list(config.resolve("lab"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(config.resolve("lab"));
        assertOneLineNoStackTrace(runOn(config), config.resolve("lab/sites.conf").toString());
    }

    @Test
    void anUnknownSlotABinaryHostsFileAndGarbageTrustAreEachOneLine(@TempDir Path dir) throws Exception {
        Path config = ConfigCopy.of(dir);
        Path composition = config.resolve("osgi/navemu.composition.cfg");
        long lines = Files.readAllLines(composition).size();
        Files.writeString(composition, "tsl = browser\n", StandardOpenOption.APPEND);
        Files.write(config.resolve("hosts"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 3});
        Path garbage = Files.writeString(config.resolve("garbage.pem"), "this is not PEM\n");
        Files.writeString(config.resolve("osgi/navemu.trust.cfg"), "extra=garbage.pem\n", StandardOpenOption.APPEND);

        NavemuProcess.Outcome outcome = runOn(config);

        assertOneLineNoStackTrace(outcome, composition + ":" + (lines + 1) + ": 'tsl' is not a slot");
        assertOneLineNoStackTrace(outcome, config.resolve("hosts") + " is not a text file");
        assertOneLineNoStackTrace(outcome, garbage + ": no PEM certificate");
    }

    @Test
    void aHomeThatIsNotADirectoryIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        NavemuProcess.Outcome outcome = NavemuProcess.run(file, "-c", "slots");
        assertEquals(2, outcome.exitCode(), outcome.toString());
        assertTrue(outcome.stderr().contains("--home " + file + ": not a directory"), outcome.toString());
        assertFalse(outcome.stderr().contains("\tat "), outcome.toString());
    }
}
