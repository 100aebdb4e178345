package navemu.hsts.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    /**
     * A broken list costs nothing until the preload implementation is used (the component is
     * registered and even activated while another implementation fills the slot), and then it is
     * one line naming the entry, and a lookup that fails saying the same, never a Felix stack trace.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBrokenListIsReadOnlyWhenUsedAndIsOneLineNamingTheEntry() throws Exception {
        Path configDir = Files.createDirectories(scratch.resolve("config/hsts")).getParent();
        Files.writeString(configDir.resolve("hsts/preload.json"), """
                { "entries": [
                  { "name": "ok.test", "policy": "test", "mode": "force-https" },
                  { "name": "bad.test", "policy": "bulk-hsts", "mode": "force-https" }
                ] }""");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try (FelixHarness felix = new FelixHarness(scratch, Map.of("navemu.config.dir", configDir.toString()))) {
            felix.installAndStart(BUNDLES);
            HstsStore store = (HstsStore) felix.awaitService(PRELOAD_SLOT, 20);
            assertEquals("", console.toString(StandardCharsets.UTF_8), "nothing read or printed before use");

            IllegalStateException first = assertThrows(IllegalStateException.class,
                    () -> store.lookup("ok.test", Instant.now()));
            assertThrows(IllegalStateException.class, () -> store.lookup("other.test", Instant.now()));
            assertTrue(first.getMessage().contains("entry 2 (bad.test): policy \"bulk-hsts\" is not one of Chromium's"),
                    first.getMessage());
            String printed = console.toString(StandardCharsets.UTF_8);
            assertEquals(List.of("navemu hsts-preload: " + first.getMessage()), printed.lines().toList(),
                    "one line, once: " + printed);

            // Fixed on disk: the next use reads it again.
            Files.writeString(configDir.resolve("hsts/preload.json"), """
                    { "entries": [ { "name": "ok.test", "policy": "test", "mode": "force-https" } ] }""");
            Files.setLastModifiedTime(configDir.resolve("hsts/preload.json"),
                    java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
            assertEquals("ok.test", store.lookup("ok.test", Instant.now()).orElseThrow().host());
        } finally {
            System.setErr(original);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void withoutAListTheLookupSaysWhy() throws Exception {
        Path emptyConfig = Files.createDirectories(scratch.resolve("config"));
        try (FelixHarness felix = new FelixHarness(scratch, Map.of("navemu.config.dir", emptyConfig.toString()))) {
            felix.installAndStart(BUNDLES);
            HstsStore store = (HstsStore) felix.awaitService(PRELOAD_SLOT, 20);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> store.lookup("preload.lab.test", Instant.now()));
            assertTrue(e.getMessage().endsWith("hsts/preload.json does not exist"), e.getMessage());
        }
    }
}
