package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NetError;
import navemu.api.Slot;
import navemu.api.nav.ConnectionReuse;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.NavigationScope;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.Hop;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.trace.TraceEvent;
import navemu.navigator.capture.CaptureHistory;
import navemu.navigator.capture.CapturedConnection;
import navemu.navigator.capture.NavigationCapture;
import navemu.navigator.pool.ConnectionPool;

/**
 * Connections reused as a browser reuses them, against a real keep-alive server on loopback that
 * counts the connections it accepted: redirects and later navigations to the same origin ride one
 * connection; {@code NEVER} (open --new-connection) does not; what a server says or does that makes
 * a connection unfit is respected; setups and scopes never share one; the pool closes what it keeps.
 */
@Timeout(30)
class ConnectionReuseTest {
    private final TestSlots.MapDns dns = new TestSlots.MapDns();
    private final TwoNameComposition composition = new TwoNameComposition();
    private final ConnectionPool pool = new ConnectionPool();
    private final List<String> responses = new ArrayList<>();
    private KeepAliveServer server;
    private BrowserNavigator navigator;
    private CaptureHistory captures;
    private List<TraceEvent> lastEvents = List.of();

    @BeforeEach
    void setUp() throws IOException {
        server = new KeepAliveServer(path -> switch (path) {
            case "/a" -> KeepAliveServer.redirect(301, "/b");
            case "/b" -> KeepAliveServer.redirect(302, "/c");
            case "/c" -> KeepAliveServer.redirect(307, "/");
            case "/close" -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
            case "/http10" -> "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok";
            case "/chunked" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n";
            case "/stall" -> "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nok" + KeepAliveServer.PAUSE + "ok";
            default -> KeepAliveServer.ok("<h1>hello</h1>");
        });
        dns.hosts.put("www.test", "127.0.0.1");
        composition.services.put(Slot.DNS, dns);
        composition.services.put(Slot.TCP, new TestSlots.PlainTcp());
        composition.services.put(Slot.HSTS, new TestSlots.MapHsts());
        composition.services.put(Slot.TLS, TestSlots.REFUSING_TLS);
        composition.services.put(Slot.CERT, TestSlots.NO_CERTS);
        composition.services.put(Slot.SESSION, new TestSlots.NoSessions());
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(server.port(), "test port map"));
        captures = new CaptureHistory();
        navigator = new BrowserNavigator(composition, List.of(ports), pool, captures);
    }

    @AfterEach
    void tearDown() throws IOException {
        pool.close();
        server.close();
    }

    private NavigationResult open(String url) {
        return open(NavigationRequest.of(url));
    }

    private NavigationResult open(NavigationRequest request) {
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        lastEvents = events;
        NavigationResult result = navigator.navigate(request.withTimeout(Duration.ofSeconds(3)).withListener(events::add));
        assertTrue(result.ok, () -> result.error + ": " + result.errorMessage);
        return result;
    }

    /** What the last navigation's steps named {@code step} said, in order. */
    private List<String> infos(String step) {
        return TraceLines.infos(lastEvents, step);
    }

    private static StepResult step(List<StepResult> steps, String name) {
        return steps.stream().filter(s -> s.step.equals(name)).reduce((first, second) -> second).orElseThrow();
    }

    private static long tcpSteps(NavigationResult result) {
        long count = result.steps.stream().filter(s -> s.step.equals("tcp")).count();
        for (Hop hop : result.redirects) {
            count += hop.steps.stream().filter(s -> s.step.equals("tcp")).count();
        }
        return count;
    }

    @Test
    void aRedirectChainOnOneOriginRidesOneConnection() {
        NavigationResult result = open("http://www.test/a");
        assertEquals(200, result.status);
        assertEquals(3, result.redirects.size());
        assertEquals(1, server.accepted(), "one TCP connection for four requests");
        assertEquals(4, server.requests());
        assertEquals(1, tcpSteps(result));
        assertEquals(List.of("hsts", "dns", "tcp", "http"), TraceLines.stepNames(result.redirects.get(0).steps));
        assertEquals(1L, ((Number) step(result.redirects.get(0).steps, "tcp").detail.get("connection")).longValue());
        for (List<StepResult> later : List.of(result.redirects.get(1).steps, result.redirects.get(2).steps, result.steps)) {
            assertEquals(List.of("hsts", "http"), TraceLines.stepNames(later), "no dns, tcp or tls step on a reused connection");
            StepResult http = step(later, "http");
            assertEquals(Boolean.TRUE, http.detail.get("reused"));
            assertEquals(1L, ((Number) http.detail.get("connection")).longValue());
        }
        assertTrue(infos("http").stream().anyMatch(m -> m.startsWith("reused connection #1")),
                () -> infos("http").toString());
        assertEquals(1, pool.idleCount(), "kept for the next navigation");
    }

    @Test
    void aSecondNavigationToTheOriginReusesTheConnection() {
        NavigationResult first = open("http://www.test/");
        NavigationResult second = open("http://www.test/");
        assertEquals(1, server.accepted());
        assertEquals(List.of("hsts", "dns", "tcp", "http"), TraceLines.stepNames(first.steps));
        assertEquals(List.of("hsts", "http"), TraceLines.stepNames(second.steps));
        assertEquals(step(first.steps, "tcp").detail.get("connection"), step(second.steps, "http").detail.get("connection"));
        assertEquals("keep-alive", first.http.requestHeaders.stream()
                .filter(h -> h.name.equals("Connection")).findFirst().orElseThrow().value);
    }

    @Test
    void newConnectionMakesAConnectionPerRequestAndClosesIt() throws InterruptedException {
        NavigationRequest fresh = NavigationRequest.of("http://www.test/a").withConnections(ConnectionReuse.NEVER);
        NavigationResult first = open(fresh);
        NavigationResult second = open(fresh.withConnections(ConnectionReuse.NEVER));
        assertEquals(8, server.accepted(), "a new connection for each of 4 hops, twice");
        assertEquals(4, tcpSteps(first));
        assertEquals(4, tcpSteps(second));
        assertEquals(0, pool.idleCount());
        waitUntil(() -> server.openConnections() == 0);
        assertTrue(infos("http").stream().anyMatch(m -> m.contains("--new-connection")));
    }

    @Test
    void aServerThatSaysConnectionCloseIsNotReused() {
        open("http://www.test/close");
        NavigationResult second = open("http://www.test/close");
        assertEquals(2, server.accepted());
        assertTrue(infos("http").stream()
                .anyMatch(m -> m.contains("closed after the response: the server said Connection: close")));
        assertEquals(0, pool.idleCount());
    }

    @Test
    void anHttp10ServerIsNotReused() {
        open("http://www.test/http10");
        NavigationResult second = open("http://www.test/http10");
        assertEquals(2, server.accepted());
        assertTrue(infos("http").stream().anyMatch(m -> m.contains("answered HTTP/1.0")));
    }

    @Test
    void aChunkedBodyReadToItsEndLeavesTheConnectionReusable() {
        open("http://www.test/chunked");
        open("http://www.test/chunked");
        assertEquals(1, server.accepted());
    }

    @Test
    void anIdleConnectionTheServerClosedIsFoundBeforeReuse() throws InterruptedException {
        server.closeIdleAfter(100);
        open("http://www.test/");
        waitUntil(() -> server.openConnections() == 0); // the server closed its idle side
        Thread.sleep(50);
        NavigationResult second = open("http://www.test/");
        assertEquals(2, server.accepted());
        assertEquals(List.of("hsts", "dns", "tcp", "http"), TraceLines.stepNames(second.steps));
        assertTrue(infos("dns").stream()
                .anyMatch(m -> m.contains("connection #1") && m.contains("closed by the server while idle")),
                () -> infos("dns").toString());
    }

    @Test
    void aRequestLostOnAReusedConnectionIsSentOnceMoreOnANewOne() {
        open("http://www.test/");
        server.dropRequestNumber(2); // the server closes the kept connection just as the next request arrives
        NavigationResult second = open("http://www.test/");
        assertEquals(200, second.status);
        assertEquals(2, server.accepted());
        assertEquals(3, server.requests(), "the lost request and its one retry");
        assertEquals(List.of("hsts", "dns", "tcp", "http"), TraceLines.stepNames(second.steps));
        assertTrue(infos("dns").stream()
                .anyMatch(m -> m.contains("reused connection #1 failed before any byte") && m.contains("sent again")),
                () -> infos("dns").toString());
        assertEquals(2L, ((Number) step(second.steps, "http").detail.get("connection")).longValue());
    }

    @Test
    void aReadTimeoutOnAReusedConnectionIsNotSentAgain() {
        open("http://www.test/");
        server.silenceRequestNumber(2); // the kept connection takes the request and never answers
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        NavigationResult second = navigator.navigate(NavigationRequest.of("http://www.test/")
                .withTimeout(Duration.ofMillis(500)).withListener(events::add));
        assertFalse(second.ok);
        assertEquals(NetError.ERR_TIMED_OUT.name(), second.error, second.errorMessage);
        assertEquals(1, server.accepted(), "Chromium's HandleIOError does not resend after a timeout");
        assertEquals(2, server.requests());
        assertTrue(events.stream().noneMatch(e -> e.text() != null && e.text().contains("sent again")),
                () -> events.toString());
    }

    @Test
    void anotherImplementationInASlotNeverGetsTheConnection() {
        open("http://www.test/");
        NavigationResult other = open(NavigationRequest.of("http://www.test/").withOverrides(Map.of(Slot.TLS, "other")));
        assertEquals(2, server.accepted(), "use tls X / compare's other side: a setup of its own");
        NavigationResult same = open("http://www.test/");
        assertEquals(List.of("hsts", "http"), TraceLines.stepNames(same.steps));
        assertEquals(2, server.accepted());
        assertEquals(List.of("hsts", "dns", "tcp", "http"), TraceLines.stepNames(other.steps));
    }

    @Test
    void navigationsInDifferentScopesNeverShareAConnection() {
        NavigationScope left = NavigationScope.isolated("left");
        NavigationScope right = NavigationScope.isolated("right");
        open(NavigationRequest.of("http://www.test/").withScope(left));
        open(NavigationRequest.of("http://www.test/").withScope(right));
        open("http://www.test/");
        assertEquals(3, server.accepted(), "two scopes and the shared state: three connections");
        NavigationResult again = open(NavigationRequest.of("http://www.test/").withScope(left));
        assertEquals(List.of("hsts", "http"), TraceLines.stepNames(again.steps), "one scope's navigations share, like a profile's");
        assertEquals(3, server.accepted());
    }

    @Test
    void withinNavigationReusesForItsOwnHopsOnlyAndClosesAfter() throws InterruptedException {
        NavigationRequest run = NavigationRequest.of("http://www.test/a").withConnections(ConnectionReuse.WITHIN_NAVIGATION);
        NavigationResult first = open(run);
        assertEquals(1, tcpSteps(first));
        assertEquals(0, pool.idleCount());
        waitUntil(() -> server.closedByClient() == 1);
        open(run);
        assertEquals(2, server.accepted(), "compare's runs never see each other's connections");
    }

    @Test
    void closingIdleConnectionsMakesTheNextNavigationConnectAnew() throws InterruptedException {
        open("http://www.test/");
        assertEquals(1, navigator.closeIdleConnections());
        waitUntil(() -> server.closedByClient() == 1);
        NavigationResult next = open("http://www.test/");
        assertEquals(List.of("hsts", "dns", "tcp", "http"), TraceLines.stepNames(next.steps));
        assertEquals(2, server.accepted());
    }

    @Test
    void theNavigatorGoingAwayClosesEveryIdleConnection() throws InterruptedException {
        open("http://www.test/");
        open(NavigationRequest.of("http://www.test/").withOverrides(Map.of(Slot.TLS, "other")));
        open(NavigationRequest.of("http://www.test/").withScope(NavigationScope.isolated("left")));
        assertEquals(3, pool.idleCount());
        navigator.deactivate();
        assertEquals(0, pool.idleCount());
        waitUntil(() -> server.openConnections() == 0); // no socket left open on either side
        assertEquals(3, server.closedByClient());
        NavigationResult after = open("http://www.test/");
        assertEquals(0, pool.idleCount(), "a pool closed with its navigator keeps nothing more");
        assertEquals(4, server.accepted());
        assertTrue(infos("http").stream().anyMatch(m -> m.contains("kept open")), "what the step expected to do");
    }

    @Test
    void reuseFalseInTheSettingsMakesEveryNavigationANewConnection() {
        navigator.configure(Map.of("reuse", "false"));
        open("http://www.test/a");
        open("http://www.test/");
        assertEquals(5, server.accepted());
        assertEquals(0, pool.idleCount());
    }

    @Test
    void aReusedConnectionsBytesAreInTheCaptureOfTheNavigationThatUsedThem() {
        NavigationResult first = open("http://www.test/");
        NavigationResult second = open("http://www.test/");
        NavigationCapture made = captures.of(first).orElseThrow();
        NavigationCapture reused = captures.of(second).orElseThrow();
        assertEquals(1, made.connections().size());
        assertFalse(made.connections().get(0).beganEarlier());
        long madeBytes = made.bytesKept();
        assertEquals(1, reused.connections().size());
        CapturedConnection continued = reused.connections().get(0);
        assertTrue(continued.beganEarlier());
        assertEquals(1, continued.continuedId());
        assertTrue(reused.bytesKept() > 0, "the second request and its response");
        assertEquals(madeBytes, made.bytesKept(), "nothing of the second navigation lands in the first one's capture");
    }

    @Test
    void anIdleConnectionThatReceivedBytesIsNotReused() throws InterruptedException {
        server.sendAfterResponse("HTTP/1.1 408 Request Timeout\r\nContent-Length: 0\r\n\r\n");
        open("http://www.test/");
        Thread.sleep(300); // the unasked bytes arrive while the connection sits idle
        NavigationResult second = open("http://www.test/");
        assertEquals(2, server.accepted());
        assertEquals(List.of("hsts", "dns", "tcp", "http"), TraceLines.stepNames(second.steps));
        assertTrue(infos("dns").stream().anyMatch(m -> m.contains("received bytes while idle")), () -> infos("dns").toString());
    }

    @Test
    void aConnectionADeadlineClosedInUseIsNeverKept() throws IOException {
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(server.port(), "test port map"));
        BrowserNavigator strict = new BrowserNavigator(composition, List.of(ports),
                Deadlines.of(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofMillis(300)));
        NavigationResult result = strict.navigate(NavigationRequest.of("http://www.test/stall").withTimeout(Duration.ofSeconds(5)));
        assertEquals("ERR_TIMED_OUT", result.error, result.errorMessage);
        assertEquals(0, strict.closeIdleConnections(), "the closed connection never reached the pool");
    }

    @Test
    void aConnectionCtrlCClosedInUseIsNeverKept() {
        navemu.api.nav.Cancellation cancellation = new navemu.api.nav.Cancellation();
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                return;
            }
            cancellation.cancel();
        });
        ctrlC.start();
        NavigationResult result = navigator.navigate(NavigationRequest.of("http://www.test/stall")
                .withTimeout(Duration.ofSeconds(5)).withCancellation(cancellation));
        assertEquals("ERR_ABORTED", result.error, result.errorMessage);
        assertEquals(0, pool.idleCount());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    /** The test composition with a second implementation name for every slot (the same objects). */
    static final class TwoNameComposition implements navemu.api.nav.Composition {
        final Map<Slot, Object> services = new EnumMap<>(Slot.class);

        @Override public List<String> implementations(Slot slot) { return List.of("test", "other"); }
        @Override public Map<Slot, String> active() {
            Map<Slot, String> m = new EnumMap<>(Slot.class);
            for (Slot s : Slot.values()) {
                m.put(s, "test");
            }
            return m;
        }
        @Override public void use(Slot slot, String impl) { }
        @Override public <T> Optional<T> service(Slot slot, String impl, Class<T> type) {
            return Optional.ofNullable(services.get(slot)).filter(type::isInstance).map(type::cast);
        }
        @Override public Optional<String> problem(Slot slot) { return Optional.empty(); }
    }
}
