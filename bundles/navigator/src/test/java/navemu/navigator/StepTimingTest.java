package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.Slot;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.tcp.TcpConnector;
import navemu.api.trace.NetworkWait;
import navemu.api.trace.StepTrace;

/**
 * Each step says where its time went: network (blocked on the connection, or in a wait the slot
 * marked) and local work, adding up to the duration. Lower bounds only: a server that thinks
 * 80 ms makes at least 80 ms of network time; no upper bound on any time is asserted.
 */
@Timeout(20)
class StepTimingTest {
    private static final long THINK_MS = 80;

    private final TestSlots.MapDns dns = new TestSlots.MapDns();
    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    private LoopbackHttpServer server;
    private BrowserNavigator navigator;

    @BeforeEach
    void setUp() throws IOException {
        server = new LoopbackHttpServer(path -> {
            if (path.equals("/slow")) {
                LockSupport.parkNanos(Duration.ofMillis(THINK_MS).toNanos()); // the server thinks
            }
            return LoopbackHttpServer.ok("<h1>hello</h1>");
        });
        dns.hosts.put("www.test", "127.0.0.1");
        composition.services.put(Slot.DNS, dns);
        composition.services.put(Slot.TCP, new TestSlots.PlainTcp());
        composition.services.put(Slot.HSTS, new TestSlots.MapHsts());
        composition.services.put(Slot.TLS, TestSlots.REFUSING_TLS);
        composition.services.put(Slot.CERT, TestSlots.NO_CERTS);
        composition.services.put(Slot.SESSION, new TestSlots.NoSessions());
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(server.port(), "test port map"));
        navigator = new BrowserNavigator(composition, List.of(ports));
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private NavigationResult open(String url) {
        return navigator.navigate(NavigationRequest.of(url).withTimeout(Duration.ofSeconds(5)));
    }

    private static StepResult step(NavigationResult r, String name) {
        return r.steps.stream().filter(s -> s.step.equals(name)).findFirst().orElseThrow();
    }

    private static void assertAddsUp(StepResult s) {
        double server = s.serverMs == null ? 0 : s.serverMs;
        assertEquals(s.durationMs, s.networkMs + server + s.localMs, 0.03,
                s.step + ": network + server + local = duration, within rounding");
        assertTrue(s.networkMs >= 0 && s.localMs >= 0, s.step + ": no negative part");
    }

    @Test
    void theTimeBlockedReadingTheResponseIsNetworkNotLocalWork() {
        NavigationResult r = open("http://www.test/slow");

        assertTrue(r.ok, r.errorMessage);
        StepResult http = step(r, "http");
        assertNotNull(http.networkMs, "the navigator meters the connection itself");
        assertTrue(http.networkMs >= THINK_MS, "the server's 80 ms of thinking is waited for on the connection: "
                + http.networkMs);
        assertAddsUp(http);
        assertNull(http.serverMs, "a plain socket cannot tell the server's time from the network's");
    }

    @Test
    void aStepWithoutRoundTripsIsLocalWorkOnly() {
        NavigationResult r = open("http://www.test/");

        StepResult hsts = step(r, "hsts");
        assertEquals(0.0, hsts.networkMs);
        assertAddsUp(hsts);
    }

    @Test
    void aSlotThatCountsARoundTripButMarksNoWaitGetsNoSplitRatherThanAWrongOne() {
        NavigationResult r = open("http://www.test/"); // the test tcp slot counts its SYN, marks no wait

        StepResult tcp = step(r, "tcp");
        assertEquals(1, tcp.rtts);
        assertNull(tcp.networkMs);
        assertNull(tcp.localMs);
    }

    @Test
    void aWaitTheSlotMarksIsNetworkTimeAndTheRestOfTheStepIsLocal() {
        TcpConnector plain = new TestSlots.PlainTcp();
        composition.services.put(Slot.TCP, (TcpConnector) (List<InetAddress> addresses, int port, Duration timeout,
                                                           StepTrace trace) -> {
            try (NetworkWait wait = trace.networkWait()) {
                LockSupport.parkNanos(Duration.ofMillis(40).toNanos()); // as a SYN crossing a slow link
            }
            busy(Duration.ofMillis(15)); // and some work of our own
            return plain.connect(addresses, port, timeout, trace);
        });

        NavigationResult r = open("http://www.test/");

        StepResult tcp = step(r, "tcp");
        assertTrue(tcp.networkMs >= 40, "the marked wait: " + tcp.networkMs);
        assertTrue(tcp.localMs >= 15, "the work outside it: " + tcp.localMs);
        assertAddsUp(tcp);
    }

    /** Keeps the CPU busy for at least {@code time}: local work. */
    private static void busy(Duration time) {
        long end = System.nanoTime() + time.toNanos();
        long x = 0;
        while (System.nanoTime() < end) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.print("");
        }
    }

}
