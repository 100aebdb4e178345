package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import navemu.api.ConfigProblem;
import navemu.api.Environment;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.dns.ZoneServer;
import navemu.api.lab.LabSites;
import navemu.api.lab.ServerWork;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;

/** The OSGi glue: activate starts a lab from the framework properties, the services answer, deactivate stops it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabComponentTest {

    /** Services the component registered through {@link #context}, by their properties. */
    private final List<Map<String, Object>> registered = new ArrayList<>();

    /** A BundleContext that answers getProperty and records registerService, which is all the component asks of it. */
    private BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(LabComponentTest.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    if (method.getName().equals("registerService")) {
                        Map<String, Object> entry = new HashMap<>();
                        Dictionary<?, ?> dictionary = (Dictionary<?, ?>) args[2];
                        for (Enumeration<?> keys = dictionary.keys(); keys.hasMoreElements(); ) {
                            Object key = keys.nextElement();
                            entry.put((String) key, dictionary.get(key));
                        }
                        entry.put("objectClass", args[0] instanceof String[] names ? List.of(names)
                                : args[0] instanceof Class<?> type ? List.of(type.getName()) : List.of(args[0]));
                        registered.add(entry);
                        return Proxy.newProxyInstance(LabComponentTest.class.getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        registered.remove(entry);
                                    }
                                    return null;
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The one configuration problem the component registered instead of the lab. */
    private String onlyProblem() {
        assertEquals(1, registered.size(), registered.toString());
        Map<String, Object> problem = registered.get(0);
        assertEquals(List.of(Supplier.class.getName()), problem.get("objectClass"));
        assertEquals("lab", problem.get(ConfigProblem.COMPONENT));
        return (String) problem.get(ConfigProblem.MESSAGE);
    }

    private String problemWith(Path home, Path config) throws Exception {
        LabComponent component = new LabComponent();
        long started = System.nanoTime();
        component.activate(context(Map.of(Environment.HOME, home.toString(), Environment.CONFIG_DIR, config.toString())));
        try {
            assertThrows(IllegalStateException.class, component::sites, "a lab that did not start says so");
            return onlyProblem();
        } finally {
            component.deactivate();
            assertTrue(registered.isEmpty(), "deactivate withdraws the problem");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "never waits for a lab that cannot come");
        }
    }

    @Test
    void aBrokenSitesFileIsOneProblemNamingFileAndLineNotAnException(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        Files.writeString(config.resolve("lab/sites.conf"), "garbage line here\n", StandardOpenOption.APPEND);
        String problem = problemWith(home, config);
        assertTrue(problem.startsWith(config.resolve("lab/sites.conf") + ":"), problem);
        assertTrue(problem.contains("garbage line here"), problem);
    }

    @Test
    void aBrokenZoneFileIsOneProblemNamingTheFile(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        Files.writeString(config.resolve("lab/lab.test.zone"), "www IN A not-an-address\n", StandardOpenOption.APPEND);
        String problem = problemWith(home, config);
        assertTrue(problem.contains("lab.test.zone"), problem);
    }

    @Test
    void aBrokenFaultsFileIsOneProblemNamingTheFile(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        Files.writeString(config.resolve("lab/dns-faults.conf"), "www.lab.test explode\n");
        String problem = problemWith(home, config);
        assertTrue(problem.contains("dns-faults.conf"), problem);
    }

    @Test
    void aMissingLabFolderIsOneProblemNamingWhatIsMissing(@TempDir Path home, @TempDir Path config) throws Exception {
        String problem = problemWith(home, config);
        assertTrue(problem.startsWith(config.resolve("lab/sites.conf") + ": "), problem);
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
            assertEquals(1, registered.size(), "the lab's services, registered once");
            assertEquals(List.of(ZoneServer.class.getName(), TrustAnchorProvider.class.getName(), PortMap.class.getName(),
                    LabSites.class.getName(), ServerWork.class.getName()), registered.get(0).get("objectClass"));
            InetSocketAddress unknown = new InetSocketAddress("127.0.0.1", 1);
            assertEquals(-1, component.cpuNanos(unknown, unknown), "a port that is none of the lab's sites");
            assertEquals(LabComponent.DOH_URL, registered.get(0).get(LabComponent.DOH_URL_PROPERTY));
        } finally {
            component.deactivate();
        }
        assertThrows(IllegalStateException.class, component::sites, "a stopped lab says so");
    }

    /** What activating a lab on {@code home} printed on standard error. */
    private String activationStderr(Path home, Path config) throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        LabComponent component = new LabComponent();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            component.activate(context(Map.of(Environment.HOME, home.toString(), Environment.CONFIG_DIR, config.toString())));
        } finally {
            System.setErr(original);
            component.deactivate();
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theFirstStartSaysItIsCreatingTheCaAndLaterStartsSayNothing(@TempDir Path home, @TempDir Path config) throws Exception {
        LabFixture.miniConfig(config);
        Path ca = home.resolve("lab/ca");

        String first = activationStderr(home, config);
        assertTrue(first.startsWith("navemu: creating the lab's certificate authority in " + ca + " (first start only"), first);
        assertTrue(first.matches("(?s).*\\)\\.* done in \\d+ s\\R"), "dots, then how long it took: " + first);

        assertEquals("", activationStderr(home, config), "a filled cache: nothing to wait for, nothing said");

        try (java.util.stream.Stream<Path> files = Files.list(ca)) {
            Files.delete(files.filter(f -> f.getFileName().toString().startsWith("site-www.lab.test")).findFirst().orElseThrow());
        }
        String third = activationStderr(home, config);
        assertTrue(third.startsWith("navemu: making 1 lab certificate missing from " + ca + " (once)"), third);
    }

    @Test
    void withoutTheConfigDirectoryPropertyActivationFailsNamingIt(@TempDir Path home) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new LabComponent().activate(context(Map.of(Environment.HOME, home.toString()))));
        assertTrue(e.getMessage().contains(Environment.CONFIG_DIR), e.getMessage());
    }
}
