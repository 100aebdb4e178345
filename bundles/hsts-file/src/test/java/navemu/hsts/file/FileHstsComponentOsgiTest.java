package navemu.hsts.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import navemu.api.hsts.HstsObservation;
import navemu.api.hsts.HstsStore;
import navemu.hsts.core.osgi.FelixHarness;

/** The file implementation as the runtime sees it: a DS component in Felix, configured by ConfigAdmin. */
class FileHstsComponentOsgiTest {

    private static final String FILE_SLOT = "(&(objectClass=navemu.api.hsts.HstsStore)(navemu.slot=hsts)(navemu.impl=file))";

    @TempDir
    Path scratch;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void registersAsTheFileImplementationAndFollowsItsConfiguredPath() throws Exception {
        Path home = Files.createDirectories(scratch.resolve("navemu-home"));
        try (FelixHarness felix = new FelixHarness(scratch, Map.of("navemu.home", home.toString()))) {
            felix.installAndStart(List.of(
                    "org.osgi.util.function.Function",
                    "org.osgi.util.promise.Promise",
                    "org.apache.felix.cm.PersistenceManager",
                    "org.osgi.service.component.ComponentContext",
                    "org.apache.felix.scr.info.ScrInfo",
                    "com.google.gson.Gson",
                    "navemu.store.file.AtomicFile",
                    "navemu.hsts.core.HstsTable",
                    "navemu.hsts.file.FileHstsComponent"));

            // Without configuration: <navemu.home>/hsts.json.
            HstsStore store = (HstsStore) felix.awaitService(FILE_SLOT, 20);
            Instant now = Instant.now();
            store.observe(new HstsObservation("hsts.lab.test", List.of("max-age=31536000; includeSubDomains"),
                    true, true), now);
            assertTrue(Files.readString(home.resolve("hsts.json")).contains("\"host\": \"hsts.lab.test\""));

            // Configured: the component comes back on the new file (and has not the old entries).
            ConfigurationAdmin configAdmin = (ConfigurationAdmin) felix.awaitService(
                    "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", 20);
            Configuration configuration = configAdmin.getConfiguration(FileHstsComponent.PID, "?");
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("path", "${navemu.home}/elsewhere/hsts.json");
            configuration.update(properties);

            Path elsewhere = home.resolve("elsewhere/hsts.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(elsewhere) && System.nanoTime() < deadline) {
                HstsStore current = (HstsStore) felix.awaitService(FILE_SLOT, 20);
                if (current.lookup("hsts.lab.test", now).isEmpty()) {
                    current.add("elsewhere.test", Duration.ofDays(1), false, now);
                }
                Thread.sleep(50);
            }
            assertTrue(Files.exists(elsewhere), "the reconfigured component writes " + elsewhere);
            HstsStore reconfigured = (HstsStore) felix.awaitService(FILE_SLOT, 20);
            assertEquals(List.of("elsewhere.test"),
                    reconfigured.list(now).stream().map(p -> p.host()).toList());
        }
    }
}
