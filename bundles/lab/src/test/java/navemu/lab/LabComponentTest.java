package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

import navemu.api.Environment;
import navemu.api.nav.PortHint;

/** The OSGi glue: activate starts a lab from the framework properties, the services answer, deactivate stops it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabComponentTest {

    /** A BundleContext that only answers getProperty, which is all the component asks of it. */
    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(LabComponentTest.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theServicesDescribeTheRunningLab(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        LabComponent component = new LabComponent();
        component.activate(context(Map.of(Environment.HOME, home.toString(), Environment.CONFIG_DIR, config.toString())));
        try {
            assertEquals("lab.test", component.zone());
            assertTrue(component.covers("WWW.lab.test."));
            assertEquals("127.0.0.1", component.address().getAddress().getHostAddress());
            assertEquals("lab root", component.name());
            assertEquals(1, component.anchors().size());
            PortHint https = component.port("www.lab.test", "https").orElseThrow();
            assertTrue(https.source().startsWith("lab port map (") && https.source().contains("sites.conf"), https.source());
            assertTrue(component.port("www.lab.test", "http").isPresent());
            assertTrue(component.port("plain.lab.test", "https").isEmpty());
            assertTrue(component.port("example.com", "https").isEmpty());
            assertEquals(2, component.sites().size());
        } finally {
            component.deactivate();
        }
        assertThrows(IllegalStateException.class, component::sites, "a stopped lab says so");
    }

    @Test
    void withoutTheConfigDirectoryPropertyActivationFailsNamingIt(@TempDir Path home) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new LabComponent().activate(context(Map.of(Environment.HOME, home.toString()))));
        assertTrue(e.getMessage().contains(Environment.CONFIG_DIR), e.getMessage());
    }
}
