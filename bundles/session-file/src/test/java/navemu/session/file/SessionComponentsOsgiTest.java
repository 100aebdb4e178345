package navemu.session.file;

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

import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.hsts.core.osgi.FelixHarness;

/**
 * The {@code memory} and {@code file} session stores as the runtime sees them: DS components in a
 * real Felix, the file bundle importing the store's rules from the memory bundle, configured by ConfigAdmin.
 */
class SessionComponentsOsgiTest {

    private static final String MEMORY = "(&(objectClass=navemu.api.session.SessionStore)(navemu.slot=session)(navemu.impl=memory))";
    private static final String FILE = "(&(objectClass=navemu.api.session.SessionStore)(navemu.slot=session)(navemu.impl=file))";

    @TempDir
    Path scratch;

    private static StoredSession ticket(Instant now) {
        return new StoredSession("TLSv1.3", "psk", "TLS_AES_128_GCM_SHA256", null, new byte[] {1, 2, 3},
                new byte[32], now, Duration.ofHours(1), 7, 0, null, false,
                // A session is kept and offered only with the chain it was validated with.
                new navemu.api.session.SessionCertificate(java.util.List.of(new byte[] {0x30, 0x00}), null, "ECDHE", "pkix",
                        "valid", now));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void bothStoresRegisterAndTheFileStoreFollowsItsConfiguredPath() throws Exception {
        Path home = Files.createDirectories(scratch.resolve("navemu-home"));
        // The harness shares only navemu.api.hsts with the framework; the session API is shared by
        // delegating its package to the test's class loader (the navemu-api bundle satisfies the imports).
        Map<String, String> properties = Map.of(
                "navemu.home", home.toString(),
                "org.osgi.framework.bootdelegation", "navemu.api.session",
                "org.osgi.framework.bundle.parent", "app");
        try (FelixHarness felix = new FelixHarness(scratch, properties)) {
            felix.installAndStart(List.of(
                    "org.osgi.util.function.Function",
                    "org.osgi.util.promise.Promise",
                    "org.apache.felix.cm.PersistenceManager",
                    "org.osgi.service.component.ComponentContext",
                    "org.apache.felix.scr.info.ScrInfo",
                    "com.google.gson.Gson",
                    "navemu.store.file.AtomicFile",
                    "navemu.api.Slot",
                    "navemu.session.store.LruSessionStore",
                    "navemu.session.file.FileSessionComponent"));

            Instant now = Instant.now();
            SessionKey key = new SessionKey("www.lab.test", 8443, "www.lab.test");
            SessionStore memory = (SessionStore) felix.awaitService(MEMORY, 20);
            memory.put(key, ticket(now));
            assertTrue(memory.take(key, now).isPresent());
            assertTrue(memory.take(key, now).isEmpty());

            // Without configuration: <navemu.home>/sessions.json.
            SessionStore file = (SessionStore) felix.awaitService(FILE, 20);
            file.put(key, ticket(now));
            assertTrue(Files.readString(home.resolve("sessions.json")).contains("\"host\": \"www.lab.test\""));

            ConfigurationAdmin configAdmin = (ConfigurationAdmin) felix.awaitService(
                    "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", 20);
            Configuration configuration = configAdmin.getConfiguration(FileSessionComponent.PID, "?");
            Hashtable<String, Object> update = new Hashtable<>();
            update.put("path", "${navemu.home}/elsewhere/sessions.json");
            configuration.update(update);

            Path elsewhere = home.resolve("elsewhere/sessions.json");
            SessionKey other = new SessionKey("rsa.lab.test", 8443, "rsa.lab.test");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(elsewhere) && System.nanoTime() < deadline) {
                SessionStore current = (SessionStore) felix.awaitService(FILE, 20);
                if (current.find(key, now).isEmpty()) {
                    current.put(other, ticket(now));
                }
                Thread.sleep(50);
            }
            assertTrue(Files.exists(elsewhere), "the reconfigured component writes " + elsewhere);
            SessionStore reconfigured = (SessionStore) felix.awaitService(FILE, 20);
            assertEquals(List.of(other), reconfigured.list(now).stream().map(SessionStore.Entry::key).toList());
        }
    }
}
