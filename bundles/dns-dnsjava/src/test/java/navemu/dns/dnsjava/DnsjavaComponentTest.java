package navemu.dns.dnsjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;

/** The component's configuration (pid navemu.dns): a bad value is refused by name and the rest is kept. */
@Timeout(30)
class DnsjavaComponentTest {

    private TestDnsServer server;
    private DnsjavaComponent component;

    @BeforeEach
    void start() throws IOException {
        server = new TestDnsServer("lab.test");
        server.a("www.lab.test", 300, "127.0.0.1");
        component = new DnsjavaComponent();
    }

    @AfterEach
    void stop() throws IOException {
        component.deactivate();
        server.close();
    }

    private String servers() {
        return "127.0.0.1:" + server.address().getPort();
    }

    @Test
    void anOutOfRangeValueIsRefusedByNameAndTheConfiguredServersAreStillAsked() throws Exception {
        component.configure(Map.of("servers", servers(), "timeoutMs", "0", "retries", "-1"));

        DnsSettings settings = component.settings();
        assertEquals(List.of(server.address()), settings.servers(), "servers= is kept");
        assertEquals(DnsSettings.DEFAULT_TIMEOUT_MS, settings.timeoutMs());
        assertEquals(DnsSettings.DEFAULT_RETRIES, settings.retries());
        assertEquals(2, settings.problems().size(), settings.problems().toString());
        assertTrue(settings.problems().get(0).startsWith("navemu.dns.cfg: timeoutMs=0 refused"), settings.problems().toString());
        assertTrue(settings.problems().get(1).startsWith("navemu.dns.cfg: retries=-1 refused"), settings.problems().toString());

        RecordingTrace trace = new RecordingTrace();
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), component.resolve("www.lab.test", trace).addresses());
        assertTrue(server.queries() > 0, "the query went to the configured server");
        assertTrue(trace.text().contains("timeoutMs=0 refused"), "the trace says why: " + trace.text());
    }

    @Test
    void waitsAndRetriesAreCapped() {
        component.configure(Map.of("servers", servers(), "timeoutMs", "2147483647", "retries", "1000"));
        DnsSettings settings = component.settings();
        assertEquals(DnsSettings.DEFAULT_TIMEOUT_MS, settings.timeoutMs());
        assertEquals(DnsSettings.DEFAULT_RETRIES, settings.retries());
        assertTrue(settings.problems().get(0).contains("must be from 1 to 30000 ms"), settings.problems().toString());
        assertTrue(settings.problems().get(1).contains("must be from 0 to 5"), settings.problems().toString());

        component.configure(Map.of("servers", servers(), "timeoutMs", 30000L, "retries", 5));
        assertEquals(30000, component.settings().timeoutMs(), "the caps themselves are allowed");
        assertEquals(5, component.settings().retries());
        assertTrue(component.settings().problems().isEmpty());
    }

    @Test
    void aValueOfTheWrongTypeIsOneLineNotAnException() throws Exception {
        component.configure(Map.of("servers", servers(), "timeoutMs", "2s", "maxTtlSeconds", "1.5",
                "addressOrder", "ipv5-first"));
        List<String> problems = component.settings().problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.contains("navemu.dns.cfg: timeoutMs=2s refused (not a whole number); using 2000"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("navemu.dns.cfg: maxTtlSeconds=1.5 refused")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("navemu.dns.cfg: addressOrder=ipv5-first refused")), problems.toString());
        assertFalse(problems.stream().anyMatch(p -> p.contains("\n") || p.contains("Exception")), problems.toString());
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")),
                component.resolve("www.lab.test", new RecordingTrace()).addresses());
    }

    @Test
    void aRefusedServerListAsksNoOtherResolverInstead() {
        component.configure(Map.of("servers", "not-an-address", "timeoutMs", "500"));
        assertTrue(component.settings().serversRefused());
        assertEquals(500, component.settings().timeoutMs(), "the other keys are kept");
        NavigationException e = assertThrows(NavigationException.class,
                () -> component.resolve("www.example.test", new RecordingTrace()));
        assertEquals(NetError.ERR_NAME_RESOLUTION_FAILED, e.error());
        assertTrue(e.getMessage().contains("servers= setting of navemu.dns.cfg was refused"), e.getMessage());
    }
}
