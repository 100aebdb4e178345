package navemu.dns.doh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.cert.TrustAnchorProvider;
import navemu.api.dns.ZoneServer;
import navemu.lab.LabWorld;

/**
 * The OSGi glue without a framework: the lab's registration carries the DoH URL, and a component
 * given a ZoneServer with that property and the lab's anchors resolves lab names over DoH.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DohComponentTest {

    private static Map<String, Object> config(String url, String method, long timeoutMs) {
        return Map.of("url", url, "method", method, "timeoutMs", Long.toString(timeoutMs));
    }

    @Test
    void theLabsZoneServerRegistrationCarriesTheDohUrlThisComponentReads() throws Exception {
        try (InputStream xml = getClass().getClassLoader().getResourceAsStream("OSGI-INF/navemu.lab.LabComponent.xml")) {
            assertNotNull(xml, "the lab jar's component description");
            String text = new String(xml.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("name=\"" + DohComponent.DOH_URL_PROPERTY + "\"")
                    && text.contains("value=\"https://doh.lab.test/dns-query\""), text);
        }
    }

    @Test
    void aZoneServerWithADohUrlSendsItsNamesToThatServer(@TempDir Path home) throws Exception {
        try (LabWorld lab = LabWorld.start(home, Path.of("../../config"))) {
            lab.awaitCertificates(Duration.ofMinutes(3));
            DohComponent component = new DohComponent();
            ZoneServer zone = new ZoneServer() {
                @Override public String zone() { return LabWorld.ZONE; }
                @Override public InetSocketAddress address() { return lab.dnsAddress(); }
            };
            component.addZoneServer(zone, Map.of(DohComponent.DOH_URL_PROPERTY, "https://doh.lab.test/dns-query"));
            component.addTrustAnchorProvider(new TrustAnchorProvider() {
                @Override public String name() { return "lab root"; }
                @Override public List<X509Certificate> anchors() { return List.of(lab.rootCertificate()); }
            });
            // A generous bound: the first exchange opens TCP and TLS on a cold JVM, slow on a loaded machine.
            component.configure(config("", "get", 20000));
            try {
                RecordingTrace trace = new RecordingTrace();
                assertEquals(lab.port("www.lab.test"), component.resolve("www.lab.test", trace).port());
                assertEquals("GET", trace.details.get("method"));

                component.removeZoneServer(zone);
                NavigationException e = assertThrows(NavigationException.class,
                        () -> component.resolve("www.lab.test", new RecordingTrace()));
                assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
                assertTrue(e.getMessage().contains("no DoH server is configured for www.lab.test"), e.getMessage());
            } finally {
                component.deactivate();
            }
        }
    }

    @Test
    void aBadValueIsRefusedByNameAndTheOtherSettingsAreKept() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        DohComponent component = new DohComponent();
        // An IP-literal URL on loopback whose port is closed: no name to look up, nothing leaves the machine.
        component.configure(Map.of("url", "https://127.0.0.1:" + closedPort + "/dns-query", "method", "get",
                "timeoutMs", "0"));
        try {
            RecordingTrace trace = new RecordingTrace();
            // The lookup fails (nothing listens), but it is the configured URL that was tried.
            NavigationException e = assertThrows(NavigationException.class, () -> component.resolve("www.example.test", trace));
            assertTrue(trace.infos.get(0).equals("navemu.dns.doh.cfg: timeoutMs=0 refused (must be from 1 to 30000 ms);"
                    + " using 3000"), trace.infos.toString());
            assertFalse(e.getMessage().contains("no DoH server is configured"), "the url was kept: " + e.getMessage());
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aBadUrlIsRefusedAndSaidOnEveryLookup() throws Exception {
        DohComponent component = new DohComponent();
        component.configure(config("http://plain.example/dns-query", "post", 3000));
        try {
            RecordingTrace trace = new RecordingTrace();
            assertThrows(NavigationException.class, () -> component.resolve("example.com", trace));
            assertTrue(trace.infos.get(0).startsWith("navemu.dns.doh.cfg: url=http://plain.example/dns-query refused")
                    && trace.infos.get(0).contains("https URL"), trace.infos.toString());
        } finally {
            component.deactivate();
        }
    }
}
