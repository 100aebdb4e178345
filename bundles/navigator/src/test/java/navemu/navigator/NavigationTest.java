package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.Slot;
import navemu.api.nav.Cancellation;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.trace.TraceEvent;

@Timeout(20)
class NavigationTest {
    private final TestSlots.MapDns dns = new TestSlots.MapDns();
    private final TestSlots.MapHsts hsts = new TestSlots.MapHsts();
    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    private LoopbackHttpServer server;
    private BrowserNavigator navigator;

    @BeforeEach
    void setUp() throws IOException {
        server = new LoopbackHttpServer(path -> switch (path) {
            case "/" -> LoopbackHttpServer.ok("<h1>hello</h1>");
            case "/a" -> LoopbackHttpServer.redirect(301, "/b");
            case "/b" -> LoopbackHttpServer.redirect(302, "http://www.test/");
            case "/loop" -> LoopbackHttpServer.redirect(307, "/loop");
            case "/sts" -> "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=100\r\nContent-Length: 0\r\n\r\n";
            case "/silent" -> null;
            default -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        });
        dns.hosts.put("www.test", "127.0.0.1");
        composition.services.put(Slot.DNS, dns);
        composition.services.put(Slot.TCP, new TestSlots.PlainTcp());
        composition.services.put(Slot.HSTS, hsts);
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
        return navigator.navigate(NavigationRequest.of(url).withTimeout(Duration.ofSeconds(2)));
    }

    private static List<String> stepNames(List<StepResult> steps) {
        return steps.stream().map(s -> s.step).toList();
    }

    @Test
    void aPlainHttpNavigationRunsHstsDnsTcpHttpAndRecordsTheResponse() {
        NavigationResult r = open("http://www.test/");

        assertTrue(r.ok, r.errorMessage);
        assertEquals(200, r.status);
        assertEquals(List.of("hsts", "dns", "tcp", "http"), stepNames(r.steps));
        assertTrue(r.http.insecure);
        assertEquals("<h1>hello</h1>", r.http.bodyPreview);
        assertNull(r.tls);
        assertEquals("test port map", r.steps.get(2).detail.get("portSource"));
        assertEquals(1, r.steps.get(2).rtts, "the TCP handshake is one round trip");
        assertEquals(1, r.steps.get(3).rtts, "the request and response are one round trip");
        for (String phase : List.of("sendMs", "waitMs", "receiveMs")) {
            assertTrue(((Double) r.steps.get(3).detail.get(phase)) >= 0, "the http step records " + phase);
        }
        assertEquals("test", r.composition.get("tls"));
    }

    @Test
    void redirectsAreFollowedAndEachHopIsRecorded() {
        NavigationResult r = open("http://www.test/a");

        assertTrue(r.ok, r.errorMessage);
        assertEquals(200, r.status);
        assertEquals("http://www.test/", r.finalUrl);
        assertEquals(2, r.redirects.size());
        assertEquals(301, r.redirects.get(0).status);
        assertEquals("http://www.test/b", r.redirects.get(0).location);
        assertEquals(302, r.redirects.get(1).status);
        assertFalse(r.redirects.get(0).internal);
    }

    @Test
    void aRedirectLoopEndsWithTooManyRedirects() {
        NavigationResult r = open("http://www.test/loop");

        assertFalse(r.ok);
        assertEquals("ERR_TOO_MANY_REDIRECTS", r.error);
        assertEquals(NavigationRun.MAX_REDIRECTS, r.redirects.size());
    }

    @Test
    void aKnownHstsHostIsUpgradedBeforeAnyPacketLeaves() {
        hsts.add("www.test", Duration.ofDays(1), false, Instant.now());

        NavigationResult r = open("http://www.test/");

        assertTrue(r.hsts.upgraded);
        assertEquals(1, r.redirects.size());
        assertTrue(r.redirects.get(0).internal, "the upgrade is the browser's internal 307");
        assertEquals(307, r.redirects.get(0).status);
        assertEquals(List.of("hsts"), stepNames(r.redirects.get(0).steps), "no DNS, TCP or HTTP for the http:// hop");
        assertEquals("https://www.test/", r.finalUrl);
        assertEquals("tls", r.steps.get(r.steps.size() - 1).step, "the https:// hop reached TLS");
        assertEquals("ERR_SSL_PROTOCOL_ERROR", r.error);
    }

    @Test
    void stsHeadersOverPlainHttpReachTheStoreMarkedInsecure() {
        NavigationResult r = open("http://www.test/sts");

        assertTrue(r.ok);
        assertEquals(1, hsts.observed.size());
        assertFalse(hsts.observed.get(0).secure());
        assertEquals("max-age=100", r.hsts.header);
    }

    @Test
    void anUnknownNameFailsInTheDnsStep() {
        NavigationResult r = open("http://nosuch.test/");

        assertFalse(r.ok);
        assertEquals("ERR_NAME_NOT_RESOLVED", r.error);
        StepResult last = r.steps.get(r.steps.size() - 1);
        assertEquals("dns", last.step);
        assertEquals("ERR_NAME_NOT_RESOLVED", last.error);
    }

    @Test
    void aClosedPortIsConnectionRefused() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        NavigationResult r = open("http://www.test:" + closed + "/");

        assertEquals("ERR_CONNECTION_REFUSED", r.error);
        assertEquals("URL", r.steps.get(2).detail.get("portSource"));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        NavigationResult r = navigator.navigate(NavigationRequest.of("http://www.test/silent").withTimeout(Duration.ofMillis(300)));

        assertEquals("ERR_TIMED_OUT", r.error);
        assertEquals("http", r.steps.get(r.steps.size() - 1).step);
    }

    /** A navigator whose deadlines are short, so a trickling server meets them within the test. */
    private NavigationResult openWithDeadlines(String url, Deadlines deadlines) {
        BrowserNavigator strict = new BrowserNavigator(composition, List.of(), deadlines);
        // Each single read waits at most 2 s, yet the trickle sends a byte every 20 ms: no read ever times out.
        return strict.navigate(NavigationRequest.of(url).withTimeout(Duration.ofSeconds(2)));
    }

    @Test
    void headersTrickledByteByByteMeetTheResponseHeadersDeadline() throws IOException {
        try (TricklingServer trickle = new TricklingServer(true, "HTTP/1.1 200 OK\r\nX-Slow: ", 20)) {
            NavigationResult r = openWithDeadlines("http://www.test:" + trickle.port() + "/",
                    Deadlines.of(Duration.ofSeconds(60), Duration.ofMillis(300), Duration.ofSeconds(60)));

            assertEquals("ERR_TIMED_OUT", r.error);
            StepResult http = r.steps.get(r.steps.size() - 1);
            assertEquals("http", http.step);
            assertEquals("ERR_TIMED_OUT", http.error);
            assertTrue(r.errorMessage.contains("the response headers took longer than 300 ms"), r.errorMessage);
        }
    }

    @Test
    void aBodyTrickledByteByByteMeetsTheResponseBodyDeadline() throws IOException {
        try (TricklingServer trickle = new TricklingServer(true, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n", 20)) {
            NavigationResult r = openWithDeadlines("http://www.test:" + trickle.port() + "/",
                    Deadlines.of(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(300)));

            assertEquals("ERR_TIMED_OUT", r.error);
            assertEquals("http", r.steps.get(r.steps.size() - 1).step);
            assertTrue(r.errorMessage.contains("the response body took longer than 300 ms"), r.errorMessage);
        }
    }

    @Test
    void aCancelDuringTheHandshakeAbortsTheTlsStepAndTheNavigation() throws IOException {
        // A TLS slot that reads until the connection ends; Ctrl-C (the cancel below, issued as the
        // TLS step starts) closes the connection under it, and it reports what it saw: a reset.
        composition.services.put(Slot.TLS, (navemu.api.tls.TlsClient) (request, connection, context, trace) -> {
            try {
                InputStream in = connection.input();
                while (in.read() >= 0) {
                    // the handshake never completes
                }
                throw new NavigationException(NetError.ERR_CONNECTION_CLOSED, "the server closed the connection");
            } catch (IOException e) {
                throw new NavigationException(NetError.ERR_CONNECTION_RESET, "handshake read failed: " + e.getMessage());
            }
        });
        Cancellation cancellation = new Cancellation();
        try (TricklingServer trickle = new TricklingServer(false, "", 20)) {
            NavigationRequest request = new NavigationRequest("https://www.test:" + trickle.port() + "/", Map.of(),
                    event -> {
                        if (event.kind() == TraceEvent.Kind.STEP_START && "tls".equals(event.step())) {
                            cancellation.cancel();
                        }
                    }, null, Duration.ofSeconds(10), null, cancellation);
            NavigationResult r = navigator.navigate(request);

            assertEquals("ERR_ABORTED", r.error);
            StepResult tls = r.steps.get(r.steps.size() - 1);
            assertEquals("tls", tls.step);
            assertEquals("ERR_ABORTED", tls.error, "the step Ctrl-C interrupted was aborted, not reset");
        }
    }

    @Test
    void aTrickledHandshakeMeetsTheHopDeadline() throws IOException {
        // A TLS slot that reads the server's "handshake" until the connection ends, as a real one would
        // while the records keep coming; the navigator cannot change it, only close the connection.
        composition.services.put(Slot.TLS, (navemu.api.tls.TlsClient) (request, connection, context, trace) -> {
            try {
                InputStream in = connection.input();
                while (in.read() >= 0) {
                    // a record that never completes
                }
                throw new NavigationException(NetError.ERR_CONNECTION_CLOSED, "the server closed the connection");
            } catch (IOException e) {
                throw new NavigationException(NetError.ERR_CONNECTION_CLOSED, "handshake read failed: " + e.getMessage());
            }
        });
        try (TricklingServer trickle = new TricklingServer(false, "", 20)) {
            NavigationResult r = openWithDeadlines("https://www.test:" + trickle.port() + "/",
                    Deadlines.of(Duration.ofMillis(400), Duration.ofSeconds(60), Duration.ofSeconds(60)));

            assertEquals("ERR_TIMED_OUT", r.error);
            StepResult tls = r.steps.get(r.steps.size() - 1);
            assertEquals("tls", tls.step);
            assertEquals("ERR_TIMED_OUT", tls.error);
            assertTrue(r.errorMessage.contains("the hop to www.test") && r.errorMessage.contains("took longer than 400 ms"),
                    r.errorMessage);
        }
    }

    @Test
    void aTruncatedBodyIsStillShownAndSaysItWasTruncated() throws IOException {
        long declared = navemu.navigator.http.Http11Client.MAX_BODY_BYTES + 1;
        try (TricklingServer big = new TricklingServer(true, "HTTP/1.1 200 OK\r\nContent-Length: " + declared
                + "\r\n\r\n" + "x".repeat((int) declared), 1000)) {
            List<TraceEvent> events = new ArrayList<>();
            NavigationResult r = navigator.navigate(NavigationRequest.of("http://www.test:" + big.port() + "/")
                    .withTimeout(Duration.ofSeconds(5)).withListener(events::add));

            assertTrue(r.ok, r.errorMessage);
            assertTrue(r.http.truncated);
            assertEquals(navemu.navigator.http.Http11Client.MAX_BODY_BYTES, r.http.bodyBytes);
            assertEquals(true, r.steps.get(r.steps.size() - 1).detail.get("truncated"));
            assertTrue(events.stream().anyMatch(e -> e.text().contains("body truncated")
                    && e.text().contains(Long.toString(navemu.navigator.http.Http11Client.MAX_BODY_BYTES))),
                    "the trace says so, with the size read");
        }
    }

    @Test
    void anEmptySlotFailsTheNavigationNamingTheSlot() {
        composition.services.remove(Slot.TLS);

        NavigationResult r = open("https://www.test/");

        assertFalse(r.ok);
        assertEquals("ERR_FAILED", r.error);
        assertTrue(r.errorMessage.contains("slot tls is empty"), r.errorMessage);
    }

    @Test
    void anUpperCaseHostIsTheSameUrlNotARedirect() {
        NavigationResult r = open("http://WWW.TEST/");

        assertTrue(r.ok, r.errorMessage);
        assertEquals("http://www.test/", r.url);
        assertEquals(r.url, r.finalUrl);
        assertTrue(r.redirects.isEmpty());
    }

    @Test
    void aBadUrlIsAClearError() {
        NavigationResult r = open("notaurl");

        assertEquals("ERR_INVALID_URL", r.error);
        assertTrue(r.errorMessage.contains("https://notaurl"), r.errorMessage);
    }

    @Test
    void everyStepStartHasExactlyOneEndAndAThrowingListenerChangesNothing() {
        List<TraceEvent> events = new ArrayList<>();
        NavigationResult r = navigator.navigate(NavigationRequest.of("http://www.test/a").withListener(events::add));
        NavigationResult withBadListener = navigator.navigate(NavigationRequest.of("http://www.test/").withListener(e -> {
            throw new IllegalStateException("broken view");
        }));

        long starts = events.stream().filter(e -> e.kind() == TraceEvent.Kind.STEP_START).count();
        long ends = events.stream().filter(e -> e.kind() == TraceEvent.Kind.STEP_END || e.kind() == TraceEvent.Kind.STEP_ERROR).count();
        assertTrue(r.ok);
        assertEquals(starts, ends);
        assertEquals(12, starts, "three hops of hsts, dns, tcp, http");
        assertTrue(withBadListener.ok);
    }

    @Test
    void overridesReplaceTheActiveImplementationForOneNavigation() {
        NavigationResult r = navigator.navigate(NavigationRequest.of("http://www.test/").withOverrides(Map.of(Slot.DNS, "absent")));

        assertEquals("ERR_FAILED", r.error);
        assertEquals("absent", r.composition.get("dns"));
    }
}
