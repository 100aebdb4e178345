package navemu.hsts.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.hsts.HstsStore;
import navemu.hsts.core.osgi.FelixHarness;

/** The preload implementation as the runtime sees it: a DS component in Felix reading config/hsts. */
class PreloadHstsComponentOsgiTest {

    private static final String PRELOAD_SLOT =
            "(&(objectClass=navemu.api.hsts.HstsStore)(navemu.slot=hsts)(navemu.impl=preload))";
    private static final List<String> BUNDLES = List.of(
            "org.osgi.util.function.Function",
            "org.osgi.util.promise.Promise",
            "org.osgi.service.component.ComponentContext",
            "org.apache.felix.cm.PersistenceManager",
            "org.apache.felix.scr.info.ScrInfo",
            "com.google.gson.Gson",
            "navemu.hsts.core.HstsTable",
            "navemu.hsts.preload.PreloadHstsComponent");

    @TempDir
    Path scratch;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readsTheListFromTheConfigDirectoryAndUpgradesPreloadedHosts() throws Exception {
        Path configDir = PreloadListTest.shippedList().getParent().getParent();
        try (FelixHarness felix = new FelixHarness(scratch, Map.of("navemu.config.dir", configDir.toString()))) {
            felix.installAndStart(BUNDLES);
            HstsStore store = (HstsStore) felix.awaitService(PRELOAD_SLOT, 20);
            assertEquals("preload", store.lookup("preload.lab.test", Instant.now()).orElseThrow().source());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withoutAListTheComponentDoesNotStartAndSaysWhy() throws Exception {
        Path emptyConfig = Files.createDirectories(scratch.resolve("config"));
        try (FelixHarness felix = new FelixHarness(scratch, Map.of("navemu.config.dir", emptyConfig.toString()))) {
            felix.installAndStart(BUNDLES);
            // The service is registered lazily (DS delayed component): activation happens on first get.
            AssertionError none = assertThrows(AssertionError.class, () -> felix.awaitService(PRELOAD_SLOT, 2));
            assertTrue(none.getMessage().startsWith("no service"), none.getMessage());
        }
    }
}
