package navemu.tcp.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import navemu.api.tcp.TcpConnector;
import navemu.hsts.core.osgi.FelixHarness;
import navemu.tcp.emulated.api.LinkControl;

/**
 * The {@code emulated} transport as the runtime sees it: one DS registration under both
 * {@link TcpConnector} (the slot) and {@link LinkControl} (for the shell), configured by ConfigAdmin.
 */
class EmulatedComponentOsgiTest {

    private static final String SLOT = "(&(objectClass=navemu.api.tcp.TcpConnector)(navemu.slot=tcp)(navemu.impl=emulated))";
    private static final String CONTROL = "(objectClass=navemu.tcp.emulated.api.LinkControl)";

    @TempDir
    Path scratch;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void registersAsTheEmulatedTransportAndItsLinkControlAndFollowsItsConfiguration() throws Exception {
        // The harness shares only navemu.api.hsts with the framework; these packages are shared by
        // delegating them to the test's class loader (the bundles still satisfy the imports).
        Map<String, String> properties = Map.of(
                "org.osgi.framework.bootdelegation", "navemu.api,navemu.api.tcp,navemu.api.trace,navemu.tcp.emulated.api",
                "org.osgi.framework.bundle.parent", "app");
        try (FelixHarness felix = new FelixHarness(scratch, properties)) {
            felix.installAndStart(List.of(
                    "org.osgi.util.function.Function",
                    "org.osgi.util.promise.Promise",
                    "org.apache.felix.cm.PersistenceManager",
                    "org.osgi.service.component.ComponentContext",
                    "org.apache.felix.scr.info.ScrInfo",
                    "navemu.api.Slot",
                    "navemu.tcp.core.ConnectFailure",
                    "navemu.tcp.emulated.EmulatedComponent"));

            Object connector = felix.awaitService(SLOT, 20);
            LinkControl control = (LinkControl) felix.awaitService(CONTROL, 20);
            assertSame(connector, control, "one component, one registration, two interfaces");
            assertEquals(Duration.ofMillis(100), control.conditions().rtt(), "the default without configuration");

            control.apply("rtt", "250ms");
            assertEquals(Duration.ofMillis(250), ((LinkControl) felix.awaitService(CONTROL, 20)).conditions().rtt());

            ConfigurationAdmin configAdmin = (ConfigurationAdmin) felix.awaitService(
                    "(objectClass=org.osgi.service.cm.ConfigurationAdmin)", 20);
            Configuration configuration = configAdmin.getConfiguration(EmulatedComponent.PID, "?");
            Hashtable<String, Object> update = new Hashtable<>();
            update.put("preset", "Slow 4G");
            configuration.update(update);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!"Slow 4G".equals(control.conditions().name()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("Slow 4G", control.conditions().name());
            assertEquals(Duration.ofMillis(150), control.conditions().rtt());
        }
    }
}
