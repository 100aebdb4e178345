package navemu.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.runtime.stuck.StuckActivator;

/** The launcher's own command line and its way out: --version, --help, and an exit nothing can hold up. */
@Timeout(300)
class LauncherIT {

    @TempDir
    static Path home;

    @Test
    void versionPrintsTheProjectVersionAndExitsZero() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--version");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("navemu " + System.getProperty("navemu.version"), run.stdout().strip(), run.toString());
        assertEquals("", run.stderr(), run.toString());
    }

    @Test
    void helpListsEveryOptionOfTheLauncherAndTheShellWithTheUsageOnce() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--help");

        assertEquals(0, run.exitCode(), run.toString());
        for (String option : List.of("--home DIR", "--config DIR", "--version", "-c, --command", "--script FILE",
                "--json", "--junit FILE", "-h, --help")) {
            assertTrue(run.stdout().contains(option), option + ": " + run);
        }
        assertEquals(1, run.stdout().split("usage:", -1).length - 1, "the usage once: " + run);
    }

    @Test
    void aBadOptionPrintsTheUsageOnceAndExitsTwo() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "--bogus");

        assertEquals(2, run.exitCode(), run.toString());
        assertEquals(1, (run.stdout() + run.stderr()).split("usage:", -1).length - 1, "the usage once: " + run);
    }

    @Test
    void dnsOverHttpsLeavesNoStackTraceAtExit() throws Exception {
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "use dns doh", "-c", "open https://www.lab.test/");

        // The DoH step ran, so its bootstrap query went through dnsjava's NIO client, which added the
        // hook; whether the lookup then answered in time on a loaded machine is not this test's point.
        assertTrue(run.stdout().contains("dns   doh"), run.toString());
        assertFalse(run.stderr().contains("NoClassDefFoundError"), "dnsjava's shutdown hook ran after its bundle: " + run);
        assertFalse(run.stderr().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void aBundleWhoseStopNeverReturnsAndWhoseShutdownHookBlocksDoesNotKeepNavemuRunning() throws Exception {
        Path jar = stuckBundle(home.resolve("stuck-bundle.jar"));

        // NavemuProcess fails the test if the process is still there after its timeout.
        NavemuProcess.Outcome run = NavemuProcess.run(home, "-c", "install " + jar, "-c", "start navemu-test-stuck");

        assertEquals(0, run.exitCode(), "the shell's status, not a kill: " + run);
        assertTrue(run.stdout().contains("started") && run.stdout().contains("navemu-test-stuck"), run.toString());
        assertTrue(run.stderr().contains("the framework did not stop within"), run.toString());
        assertTrue(run.stderr().contains("navemu-test-stuck"), "names the bundle still running: " + run);
        assertTrue(run.stderr().contains("shutdown hooks still running"), run.toString());
    }

    @Test
    void theFirstStartSaysOnStderrThatItMakesTheCaAndTheNextReusesCaAndUnpackedBundles(@TempDir Path fresh) throws Exception {
        NavemuProcess.Outcome first = NavemuProcess.firstStart(fresh, List.of(), null, "--json", "-c", "open https://www.lab.test/");

        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.stderr().contains("navemu: creating the lab's certificate authority in " + fresh.resolve("lab/ca")),
                "the wait is announced: " + first);
        assertTrue(first.stderr().contains(" done in "), first.toString());
        assertEquals(200, first.onlyJson().get("status").getAsInt(), "stdout holds the JSON line only: " + first);
        assertEquals(1, first.stdout().strip().lines().count(), first.toString());
        List<Path> unpacked = unpackedBundleDirectories(fresh);
        assertEquals(1, unpacked.size(), unpacked.toString());
        Path api = unpacked.get(0).resolve("navemu-api.jar");
        long unpackedAt = Files.getLastModifiedTime(api).toMillis();

        NavemuProcess.Outcome second = NavemuProcess.run(fresh, "--json", "-c", "open https://www.lab.test/");

        assertEquals(0, second.exitCode(), second.toString());
        assertFalse(second.stderr().contains("certificate authority"), "nothing to make, nothing said: " + second);
        assertEquals(200, second.onlyJson().get("status").getAsInt(), second.toString());
        assertEquals(unpacked, unpackedBundleDirectories(fresh), "the same unpacked copy");
        assertEquals(unpackedAt, Files.getLastModifiedTime(api).toMillis(), "not unpacked again");
    }

    private static List<Path> unpackedBundleDirectories(Path home) throws Exception {
        try (java.util.stream.Stream<Path> entries = Files.list(home.resolve("cache"))) {
            return entries.filter(p -> p.getFileName().toString().startsWith(BundleCache.PREFIX)).sorted().toList();
        }
    }

    /** A bundle of one class, {@link StuckActivator}, taken from the test classes. */
    private static Path stuckBundle(Path jar) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "navemu-test-stuck");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", StuckActivator.class.getName());
        main.putValue("Import-Package", "org.osgi.framework");
        String entry = StuckActivator.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = StuckActivator.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
