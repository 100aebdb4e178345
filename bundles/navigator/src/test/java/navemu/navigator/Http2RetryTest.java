package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NetError;
import navemu.api.nav.NavigationRequest;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.result.StepResult;
import navemu.api.tls.TlsClient;
import navemu.api.trace.TraceEvent;
import navemu.navigator.http2.ScriptedH2Server;
import navemu.navigator.pool.ConnectionPool;

/**
 * Which lost HTTP/2 requests go again, how often and where, as Chrome's
 * {@code HttpNetworkTransaction::HandleIOError} decides ({@link ResendRule}): a refused stream
 * (GOAWAY whose last stream is below ours, RST_STREAM REFUSED_STREAM) goes again from a new or a
 * reused connection, at most twice; a connection closed before any frame of our stream's response
 * only when it was reused. A refused stream's retry takes the same connection's next stream; after
 * GOAWAY or a close, a new connection. Never when the response began. A scripted HTTP/2 server on
 * loopback plays one script per connection and counts the connections it accepted; the first
 * navigation leaves connection #1 in the pool, the second sends its request (stream 3) on it.
 */
@Timeout(30)
class Http2RetryTest {
    private static final int HEADERS = 0x1;
    private static final int NO_ERROR = 0x0;
    private static final int REFUSED_STREAM = 0x7;
    private static final int INTERNAL_ERROR = 0x2;

    private final TestSlots.MapDns dns = new TestSlots.MapDns();
    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    private final ConnectionPool pool = new ConnectionPool();
    private List<TraceEvent> lastEvents = List.of();
    private ScriptedH2Server server;

    /** Selects h2 (always offered here), as a server that speaks it does; the frames go in the clear. */
    private final TlsClient h2Tls = new TestSlots.AlpnChoosingTls();

    @BeforeEach
    void setUp() {
        TestSlots.http2Slots(composition, dns, h2Tls);
    }

    @AfterEach
    void tearDown() throws IOException {
        pool.close();
        if (server != null) {
            server.close();
        }
    }

    private NavigationResult open(BrowserNavigator navigator) {
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        lastEvents = events;
        return navigator.navigate(NavigationRequest.of("https://h2.test/").withTimeout(Duration.ofSeconds(3))
                .withListener(events::add));
    }

    private BrowserNavigator navigator(ScriptedH2Server.Script... perConnection) throws IOException {
        server = new ScriptedH2Server(perConnection);
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(server.port(), "test port map"));
        return new BrowserNavigator(composition, List.of(ports), pool);
    }

    /** Connection #1's first request (stream 1) answered, then {@code second} for the next one (stream 3). */
    private static ScriptedH2Server.Script answersOnceThen(ScriptedH2Server.Script second) {
        return side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200", "content-type", "text/html");
            side.data(1, true, "first");
            side.flush();
            side.readUntil(HEADERS); // stream 3, on the reused connection
            second.play(side);
        };
    }

    /** A new connection's first request answered with {@code body}. */
    private static ScriptedH2Server.Script answers(String body) {
        return side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200", "content-type", "text/html");
            side.data(1, true, body);
        };
    }

    /**
     * A new connection whose first {@code refusals} streams (1, 3, …) the server refuses, each one's
     * retry read on the same connection; the stream after them is answered with {@code body}
     * (none when null: the script ends after the last refusal).
     */
    private static ScriptedH2Server.Script refusesThenAnswers(int refusals, String body) {
        return side -> {
            side.readUntil(HEADERS);
            side.open();
            int stream = 1;
            for (int i = 0; i < refusals; i++) {
                side.rstStream(stream, REFUSED_STREAM);
                side.flush();
                if (i == refusals - 1 && body == null) {
                    return;
                }
                stream += 2;
                side.readUntil(HEADERS);
            }
            side.headers(stream, false, ":status", "200", "content-type", "text/html");
            side.data(stream, true, body);
        };
    }

    /** The streams the client opened (its HEADERS frames), over all connections, in order. */
    private List<Integer> streamsOpened() {
        return server.seen.stream().filter(f -> f.type() == HEADERS).map(ScriptedH2Server.Seen::stream).toList();
    }

    /** Navigates twice: the first fills the pool with connection #1, the second is returned. */
    private NavigationResult reuseAfter(BrowserNavigator navigator) {
        NavigationResult first = open(navigator);
        assertTrue(first.ok, () -> first.error + ": " + first.errorMessage);
        assertEquals("first", first.http.bodyPreview);
        return open(navigator);
    }

    /** What the last navigation's steps named {@code step} said. */
    private List<String> infos(String step) {
        return TraceLines.infos(lastEvents, step);
    }

    /** The trace's failed attempts (a step that failed), as "step: text". */
    private List<String> failures() {
        return TraceLines.failures(lastEvents);
    }

    private static long connectionOf(NavigationResult result) {
        StepResult http = result.steps.stream().filter(s -> s.step.equals("http")).findFirst().orElseThrow();
        return ((Number) http.detail.get("connection")).longValue();
    }

    /** The retried navigation as it must look: connection #2's dns, tcp, tls and http, said in the trace. */
    private void assertRetriedOnce(NavigationResult second, String why) {
        assertTrue(second.ok, () -> second.error + ": " + second.errorMessage);
        assertEquals("second", second.http.bodyPreview);
        assertEquals(2, server.accepted(), "one new connection for the one retry");
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "http"), TraceLines.stepNames(second.steps),
                "the new connection's steps, as for any new connection");
        assertEquals(2L, connectionOf(second));
        assertTrue(infos("dns").stream().anyMatch(m -> m.contains("reused connection #1 failed before any byte")
                        && m.contains(why) && m.contains("sent again")),
                () -> "the first attempt stays visible, with why: " + infos("dns"));
        assertTrue(infos("http").stream().anyMatch(m -> m.contains("sent again on new connection #2")),
                () -> infos("http").toString());
        assertTrue(failures().stream().anyMatch(f -> f.startsWith("http: ") && f.contains("reused connection #1")),
                () -> "the lost attempt is a failed http step in the trace: " + failures());
    }

    @Test
    void aGoAwayBelowOurStreamOnAReusedConnectionIsRetriedOnceOnANewOne() throws IOException {
        BrowserNavigator navigator = navigator(answersOnceThen(side -> side.goAway(1, NO_ERROR)), answers("second"));
        NavigationResult second = reuseAfter(navigator);
        assertRetriedOnce(second, "GOAWAY (NO_ERROR, last stream 1)");
        assertTrue(infos("dns").stream().anyMatch(m -> m.contains("ERR_HTTP2_SERVER_REFUSED_STREAM")
                && m.contains("the server did not process it")), () -> infos("dns").toString());
    }

    @Test
    void aRefusedStreamOnAReusedConnectionIsRetriedOnTheSameConnectionsNextStream() throws IOException {
        BrowserNavigator navigator = navigator(answersOnceThen(side -> {
            side.rstStream(3, REFUSED_STREAM);
            side.flush();
            side.readUntil(HEADERS); // stream 5: the retry, on the same connection
            side.headers(5, false, ":status", "200", "content-type", "text/html");
            side.data(5, true, "second");
        }), answers("a new connection must not be made: the refused stream's connection is still usable"));
        NavigationResult second = reuseAfter(navigator);
        assertTrue(second.ok, () -> second.error + ": " + second.errorMessage);
        assertEquals("second", second.http.bodyPreview);
        assertEquals(1, server.accepted(), "RST_STREAM closes only the stream (SpdySession::OnRstStream)");
        assertEquals(List.of(1, 3, 5), streamsOpened());
        assertEquals(List.of("hsts", "http"), TraceLines.stepNames(second.steps));
        assertEquals(1L, connectionOf(second));
        assertTrue(infos("http").stream().anyMatch(m -> m.contains("reset stream 3 with REFUSED_STREAM")
                && m.contains("retry 1 of at most 2")), () -> infos("http").toString());
        assertTrue(infos("http").stream().anyMatch(m -> m.contains("sent again on reused connection #1 (the same"
                + " connection, its next stream)")), () -> infos("http").toString());
        assertTrue(failures().stream().anyMatch(f -> f.startsWith("http: ERR_HTTP2_SERVER_REFUSED_STREAM")),
                () -> "the refused attempt is a failed http step in the trace: " + failures());
    }

    @Test
    void aReusedConnectionClosedBeforeAnyFrameOfOurStreamIsRetriedOnceOnANewOne() throws IOException {
        BrowserNavigator navigator = navigator(answersOnceThen(ScriptedH2Server.Side::hangUp), answers("second"));
        NavigationResult second = reuseAfter(navigator);
        assertRetriedOnce(second, "the server may have closed it while idle");
    }

    @Test
    void afterAGoAwayARefusalOnTheNewConnectionIsTheLastAllowedRetry() throws IOException {
        // GOAWAY (retry 1, on new connection #2), stream 1 refused there (retry 2, stream 3), stream 3
        // refused: HasExceededMaxRetries(), so the third refusal is the navigation's error.
        BrowserNavigator navigator = navigator(answersOnceThen(side -> side.goAway(1, NO_ERROR)),
                refusesThenAnswers(2, null), answers("a third connection must not be made"));
        NavigationResult second = reuseAfter(navigator);
        assertFalse(second.ok);
        assertEquals(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM.name(), second.error);
        assertTrue(second.errorMessage.contains("reset stream 3 with REFUSED_STREAM"),
                () -> "the last attempt's error, not the first one's: " + second.errorMessage);
        assertEquals(2, server.accepted(), "GOAWAY makes a new connection; a refused stream does not");
        assertEquals(List.of(1, 3, 1, 3), streamsOpened(), "the first navigation's stream, then three attempts");
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "http"), TraceLines.stepNames(second.steps));
        assertTrue(infos("dns").stream().anyMatch(m -> m.contains("sent again")), () -> infos("dns").toString());
    }

    @Test
    void threeRefusalsInARowEndWithTheErrorAfterTwoRetries() throws IOException {
        BrowserNavigator navigator = navigator(refusesThenAnswers(3, null),
                answers("a new connection must not be made after the allowed retries"));
        NavigationResult result = open(navigator);
        assertFalse(result.ok);
        assertEquals(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM.name(), result.error);
        assertTrue(result.errorMessage.contains("reset stream 5 with REFUSED_STREAM"), result.errorMessage);
        assertEquals(1, server.accepted());
        assertEquals(List.of(1, 3, 5), streamsOpened(), "the request and its two retries (kMaxRetryAttempts), no more");
        assertEquals(2, failures().stream().filter(f -> f.startsWith("http: ERR_HTTP2_SERVER_REFUSED_STREAM")
                && f.contains("sent again")).count(), () -> failures().toString());
    }

    @Test
    void aGoAwayWithAnErrorCodeBelowOurStreamIsAProtocolErrorAndNotSentAgain() throws IOException {
        // SpdySession::OnGoAway: only a NO_ERROR GOAWAY refuses the streams above its last one;
        // any other code fails them with ERR_HTTP2_PROTOCOL_ERROR, which HandleIOError does not resend.
        BrowserNavigator navigator = navigator(answersOnceThen(side -> side.goAway(1, INTERNAL_ERROR)),
                answers("a retry must not be made after a GOAWAY with an error code"));
        NavigationResult second = reuseAfter(navigator);
        assertFalse(second.ok);
        assertEquals(NetError.ERR_HTTP2_PROTOCOL_ERROR.name(), second.error, second.errorMessage);
        assertTrue(second.errorMessage.contains("GOAWAY (INTERNAL_ERROR, last stream 1)"), second.errorMessage);
        assertEquals(1, server.accepted());
    }

    @Test
    void aGoAwayAfterTheResponseHeadersIsNotRetried() throws IOException {
        BrowserNavigator navigator = navigator(answersOnceThen(side -> {
            side.headers(3, false, ":status", "200", "content-type", "text/html");
            side.goAway(1, NO_ERROR);
        }), answers("a retry must not be made once the response began"));
        NavigationResult second = reuseAfter(navigator);
        assertFalse(second.ok);
        assertEquals(NetError.ERR_HTTP2_SERVER_REFUSED_STREAM.name(), second.error);
        assertEquals(1, server.accepted(), "the response began: the request is never sent again");
        assertEquals(List.of("hsts", "http"), TraceLines.stepNames(second.steps));
        assertTrue(infos("dns").isEmpty() && infos("http").stream().noneMatch(m -> m.contains("sent again")),
                () -> infos("http").toString());
    }

    @Test
    void aRefusedStreamOnANewConnectionIsSentAgain() throws IOException {
        BrowserNavigator navigator = navigator(refusesThenAnswers(1, "retried"),
                answers("a second connection must not be made: the refused stream's connection is still usable"));
        NavigationResult result = open(navigator);
        assertTrue(result.ok, () -> result.error + ": " + result.errorMessage);
        assertEquals("retried", result.http.bodyPreview);
        assertEquals(1, server.accepted());
        assertEquals(List.of(1, 3), streamsOpened());
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "http"), TraceLines.stepNames(result.steps));
        assertTrue(failures().stream().anyMatch(f -> f.startsWith("http: ERR_HTTP2_SERVER_REFUSED_STREAM")
                && f.contains("new connection #1") && f.contains("reset stream 1 with REFUSED_STREAM")),
                () -> failures().toString());
    }
}
