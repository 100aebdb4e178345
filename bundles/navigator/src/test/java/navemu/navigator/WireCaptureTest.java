package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.Slot;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.tls.KeyLog;
import navemu.navigator.capture.CaptureHistory;
import navemu.navigator.capture.CapturedConnection;
import navemu.navigator.capture.CapturedSegment;
import navemu.navigator.capture.NavigationCapture;

/**
 * The wire capture of real loopback navigations: every connection of every hop, the exact bytes
 * each way, its two ends and its close, the key log beside it; bounded per navigation and in how
 * many navigations are kept.
 */
@Timeout(20)
class WireCaptureTest {
    private static final String BIG_BODY = "x".repeat(1000);

    private final TestSlots.MapDns dns = new TestSlots.MapDns();
    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    private LoopbackHttpServer server;

    @BeforeEach
    void setUp() throws IOException {
        server = new LoopbackHttpServer(path -> switch (path) {
            case "/" -> LoopbackHttpServer.ok("<h1>hello</h1>");
            case "/a" -> LoopbackHttpServer.redirect(301, "/");
            case "/big" -> LoopbackHttpServer.ok(BIG_BODY);
            default -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        });
        dns.hosts.put("www.test", "127.0.0.1");
        composition.services.put(Slot.DNS, dns);
        composition.services.put(Slot.TCP, new TestSlots.PlainTcp());
        composition.services.put(Slot.HSTS, new TestSlots.MapHsts());
        composition.services.put(Slot.TLS, TestSlots.REFUSING_TLS);
        composition.services.put(Slot.CERT, TestSlots.NO_CERTS);
        composition.services.put(Slot.SESSION, new TestSlots.NoSessions());
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private BrowserNavigator navigator(CaptureHistory history) {
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(server.port(), "test port map"));
        return new BrowserNavigator(composition, List.of(ports), history);
    }

    private static NavigationRequest request(String url) {
        return NavigationRequest.of(url).withTimeout(Duration.ofSeconds(2));
    }

    @Test
    void everyHopsConnectionIsCapturedWithTheExactBytesBothWays() {
        CaptureHistory history = new CaptureHistory();
        NavigationResult result = navigator(history).navigate(request("http://www.test/a"));
        assertTrue(result.ok, result.errorMessage);

        NavigationCapture capture = history.of(result).orElseThrow();
        List<CapturedConnection> connections = capture.connections();
        assertEquals(2, connections.size(), "the 301 hop and the final hop");
        assertFalse(capture.cut());

        CapturedConnection first = connections.get(0);
        String sent = text(first, true);
        String received = text(first, false);
        assertTrue(sent.startsWith("GET /a HTTP/1.1\r\nHost: www.test"), sent);
        assertTrue(sent.endsWith("\r\n\r\n"), "the whole request, nothing more: " + sent);
        assertEquals(LoopbackHttpServer.redirect(301, "/"), received);
        assertEquals(LoopbackHttpServer.ok("<h1>hello</h1>"), text(connections.get(1), false));
        assertTrue(text(connections.get(1), true).startsWith("GET / HTTP/1.1\r\n"));

        // The ends are the ones the tcp step reports; the connect and the close are timed in order.
        assertEquals(result.redirects.get(0).steps.get(2).detail.get("local"), first.client().toString());
        assertEquals(result.redirects.get(0).steps.get(2).detail.get("remote"), first.server().toString());
        assertEquals(server.port(), first.server().getPort());
        assertTrue(first.connectStartNanos() <= first.connectedNanos());
        long previous = first.connectedNanos();
        for (CapturedSegment segment : first.segments()) {
            assertTrue(segment.atNanos() >= previous, "segments in time order");
            previous = segment.atNanos();
        }
        assertTrue(first.clientClosedNanos().isPresent(), "navemu closed the connection");
        assertTrue(first.clientClosedNanos().getAsLong() >= previous);
        long bytes = sent.length() + received.length() + text(connections.get(1), true).length()
                + text(connections.get(1), false).length();
        assertEquals(bytes, capture.bytesKept());
    }

    @Test
    void aNavigationPastTheLimitKeepsOnlyTheLimitAndSaysItWasCut() {
        CaptureHistory history = new CaptureHistory(300);
        NavigationResult result = navigator(history).navigate(request("http://www.test/big"));
        assertTrue(result.ok, result.errorMessage);
        assertEquals(1000, result.http.bodyBytes, "the navigation itself is not cut");

        NavigationCapture capture = history.of(result).orElseThrow();
        assertTrue(capture.cut());
        assertEquals(300, capture.bytesKept());
        CapturedConnection connection = capture.connections().get(0);
        long kept = connection.segments().stream().mapToLong(s -> s.data().length).sum();
        assertEquals(300, kept);
        long response = LoopbackHttpServer.ok(BIG_BODY).length();
        long request = text(connection, true).length();
        assertEquals(request + response - 300, connection.bytesNotKept(), "the rest is counted, not kept");
    }

    @Test
    void theKeyLogLinesAreKeptAndStillReachTheUsersKeyLog() {
        NavigationCapture capture = new NavigationCapture();
        List<String> userFile = new ArrayList<>();
        KeyLog keyLog = capture.keyLogThen((label, random, secret) -> userFile.add(label));
        byte[] random = {1, 2, 3};
        keyLog.write("CLIENT_RANDOM", random, new byte[] {4, 5});
        random[0] = 9; // the TLS slot may reuse its arrays: the capture keeps its own copy

        assertEquals(List.of("CLIENT_RANDOM"), userFile);
        assertEquals(1, capture.keyLogLines().size());
        assertArrayEquals(new byte[] {1, 2, 3}, capture.keyLogLines().get(0).clientRandom());
        assertArrayEquals(new byte[] {4, 5}, capture.keyLogLines().get(0).secret());
    }

    @Test
    void onlyTheLastNavigationsCapturesAreKept() {
        CaptureHistory history = new CaptureHistory();
        BrowserNavigator navigator = navigator(history);
        List<NavigationResult> results = new ArrayList<>();
        for (int i = 0; i < CaptureHistory.KEPT + 2; i++) {
            results.add(navigator.navigate(request("http://www.test/")));
        }
        for (int i = 0; i < results.size(); i++) {
            boolean recent = i >= results.size() - CaptureHistory.KEPT;
            assertEquals(recent, history.of(results.get(i)).isPresent(), "navigation " + i);
        }
    }

    @Test
    void theByteBudgetDropsOlderCapturesButNeverTheNewest() {
        CaptureHistory history = new CaptureHistory(1000);
        BrowserNavigator navigator = navigator(history);
        NavigationResult older = navigator.navigate(request("http://www.test/big"));
        NavigationResult newest = navigator.navigate(request("http://www.test/big"));
        assertTrue(history.of(newest).isPresent());
        // Two navigations of 1000 bytes each fit the budget (twice a navigation's limit) together.
        assertTrue(history.of(older).isPresent());
        NavigationCapture newestCapture = history.of(newest).orElseThrow();
        assertSame(newestCapture, history.of(newest).orElseThrow());
        NavigationResult third = navigator.navigate(request("http://www.test/big"));
        assertTrue(history.of(third).isPresent());
        assertTrue(history.of(newest).isPresent());
        assertFalse(history.of(older).isPresent(), "past the byte budget, the oldest goes first");
    }

    private static String text(CapturedConnection connection, boolean fromClient) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (CapturedSegment segment : connection.segments()) {
            if (segment.fromClient() == fromClient) {
                bytes.writeBytes(segment.data());
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
