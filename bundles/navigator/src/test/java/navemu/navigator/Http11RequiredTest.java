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
import navemu.api.trace.TraceEvent;
import navemu.navigator.http2.ScriptedH2Server;
import navemu.navigator.pool.ConnectionPool;

/**
 * A server that answers an HTTP/2 stream with HTTP_1_1_REQUIRED (RFC 9113 §7), in a GOAWAY or an
 * RST_STREAM: as Chrome does, the request goes again on a new connection offering ALPN
 * {@code http/1.1} only, and later navigations to the origin offer {@code http/1.1} only; the
 * request goes again once, so a server that then fails over HTTP/1.1 too ends the navigation with
 * that error. A scripted server on loopback plays one script per connection: HTTP/2 frames, or an
 * HTTP/1.1 answer on a connection whose ALPN chose {@code http/1.1}. The TLS slot records the ALPN
 * list each handshake offered and chooses h2 when it is offered, as a server speaking both does.
 */
@Timeout(30)
class Http11RequiredTest {
    private static final int HEADERS = 0x1;
    private static final int HTTP_1_1_REQUIRED = 0xd;

    private final TestSlots.MapDns dns = new TestSlots.MapDns();
    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    private final ConnectionPool pool = new ConnectionPool();
    /** Chooses h2 when the client offers it, http/1.1 otherwise; the bytes go in the clear to the scripted server. */
    private final TestSlots.AlpnChoosingTls alpnTls = new TestSlots.AlpnChoosingTls();
    /** The ALPN list of each handshake, in order. */
    private final List<List<String>> alpnOffered = alpnTls.offers;
    private List<TraceEvent> lastEvents = List.of();
    private ScriptedH2Server server;

    @BeforeEach
    void setUp() {
        TestSlots.http2Slots(composition, dns, alpnTls);
    }

    @AfterEach
    void tearDown() throws IOException {
        pool.close();
        if (server != null) {
            server.close();
        }
    }

    private BrowserNavigator navigator(ScriptedH2Server.Script... perConnection) throws IOException {
        server = new ScriptedH2Server(perConnection);
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(server.port(), "test port map"));
        return new BrowserNavigator(composition, List.of(ports), pool);
    }

    private NavigationResult open(BrowserNavigator navigator) {
        List<TraceEvent> events = new CopyOnWriteArrayList<>();
        lastEvents = events;
        return navigator.navigate(NavigationRequest.of("https://h2.test/").withTimeout(Duration.ofSeconds(3))
                .withListener(events::add));
    }

    /** An HTTP/2 connection whose first stream the server answers with GOAWAY HTTP_1_1_REQUIRED. */
    private static ScriptedH2Server.Script goAwayHttp11Required() {
        return side -> {
            side.readUntil(HEADERS);
            side.open();
            side.goAway(0, HTTP_1_1_REQUIRED);
            side.flush();
        };
    }

    /** An HTTP/2 connection whose first stream the server resets with HTTP_1_1_REQUIRED. */
    private static ScriptedH2Server.Script resetHttp11Required() {
        return side -> {
            side.readUntil(HEADERS);
            side.open();
            side.rstStream(1, HTTP_1_1_REQUIRED);
            side.flush();
        };
    }

    private static ScriptedH2Server.Script http11Answers(String body) {
        return side -> side.answerHttp11(body);
    }

    private List<String> infos(String step) {
        return TraceLines.infos(lastEvents, step);
    }

    private List<String> failures() {
        return TraceLines.failures(lastEvents);
    }

    /** The first navigation as it must look after the server required HTTP/1.1 on connection #1. */
    private void assertSentAgainOverHttp11(NavigationResult result) {
        assertTrue(result.ok, () -> result.error + ": " + result.errorMessage + " " + failures());
        assertEquals("over http/1.1", result.http.bodyPreview);
        assertEquals("HTTP/1.1", result.http.version);
        assertEquals(2, server.accepted(), "one new connection for the request sent again");
        assertEquals(List.of(List.of("h2", "http/1.1"), List.of("http/1.1")), alpnOffered,
                "the new connection offers http/1.1 only");
        assertEquals(1, server.http11Requests.size());
        assertTrue(server.http11Requests.get(0).startsWith("GET / HTTP/1.1\r\n"), server.http11Requests.get(0));
        assertEquals(List.of("hsts", "dns", "tcp", "tls", "dns", "tcp", "tls", "http"), TraceLines.stepNames(result.steps),
                "connection #1's steps, then the new connection's");
        assertTrue(failures().stream().anyMatch(f -> f.startsWith("http: ERR_HTTP_1_1_REQUIRED")
                        && f.contains("new connection #1") && f.contains("goes again over HTTP/1.1")),
                () -> "the lost attempt stays in the trace, with its error: " + failures());
        assertTrue(infos("http").stream().anyMatch(m -> m.contains("sent again over HTTP/1.1 on new connection #2")
                        && m.contains("because the server required HTTP/1.1")),
                () -> infos("http").toString());
        assertTrue(infos("tls").stream().anyMatch(m -> m.contains("ALPN offers http/1.1 only")),
                () -> infos("tls").toString());
    }

    @Test
    void aGoAwayHttp11RequiredSendsTheRequestAgainOverHttp11AndLaterNavigationsOfferHttp11Only() throws IOException {
        BrowserNavigator navigator = navigator(goAwayHttp11Required(), http11Answers("over http/1.1"),
                http11Answers("later"));
        assertSentAgainOverHttp11(open(navigator));
        assertTrue(infos("dns").stream().anyMatch(m -> m.contains("the server sent GOAWAY (HTTP_1_1_REQUIRED")),
                () -> infos("dns").toString());

        NavigationResult later = open(navigator);
        assertTrue(later.ok, () -> later.error + ": " + later.errorMessage);
        assertEquals("later", later.http.bodyPreview);
        assertEquals("HTTP/1.1", later.http.version);
        assertEquals(List.of("http/1.1"), alpnOffered.get(2), "the origin is remembered for the navigator's life");
        assertEquals(3, server.accepted());
    }

    @Test
    void anRstStreamHttp11RequiredSendsTheRequestAgainOverHttp11AndLaterNavigationsOfferHttp11Only() throws IOException {
        BrowserNavigator navigator = navigator(resetHttp11Required(), http11Answers("over http/1.1"),
                http11Answers("later"));
        assertSentAgainOverHttp11(open(navigator));
        assertTrue(infos("dns").stream().anyMatch(m -> m.contains("reset stream 1 with HTTP_1_1_REQUIRED")),
                () -> infos("dns").toString());

        NavigationResult later = open(navigator);
        assertTrue(later.ok, () -> later.error + ": " + later.errorMessage);
        assertEquals("later", later.http.bodyPreview);
        assertEquals(List.of("http/1.1"), alpnOffered.get(2));
    }

    @Test
    void aServerThatThenFailsOverHttp11TooEndsWithThatErrorAndNoFurtherAttempt() throws IOException {
        BrowserNavigator navigator = navigator(goAwayHttp11Required(), http11Answers(null),
                http11Answers("a third connection must not be made"));
        NavigationResult result = open(navigator);
        assertFalse(result.ok);
        assertEquals(NetError.ERR_EMPTY_RESPONSE.name(), result.error, result.errorMessage);
        assertEquals(2, server.accepted(), "the request went again once, over HTTP/1.1, and no more");
        assertEquals(List.of(List.of("h2", "http/1.1"), List.of("http/1.1")), alpnOffered);
        assertTrue(failures().stream().anyMatch(f -> f.startsWith("http: ERR_HTTP_1_1_REQUIRED")), failures()::toString);
    }

    @Test
    void aGoAwayHttp11RequiredAboveOurStreamStillEndsItAndSendsItAgainOverHttp11() throws IOException {
        // SpdySession::OnGoAway drains the session with ERR_HTTP_1_1_REQUIRED whatever its last stream id.
        BrowserNavigator navigator = navigator(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.goAway(1, HTTP_1_1_REQUIRED);
            side.flush();
        }, http11Answers("over http/1.1"));
        assertSentAgainOverHttp11(open(navigator));
        assertTrue(infos("dns").stream().anyMatch(m -> m.contains("GOAWAY (HTTP_1_1_REQUIRED, last stream 1)")),
                () -> infos("dns").toString());
    }

    @Test
    void anIdleHttp2ConnectionToAnOriginThatRequiredHttp11IsNotReused() throws IOException {
        // #1 answers over h2 and stays idle in the pool; a navigation of its own (no pool) meets
        // HTTP_1_1_REQUIRED on #2 and goes again on #3; the next pooled navigation must not take #1.
        BrowserNavigator navigator = navigator(side -> {
            side.readUntil(HEADERS);
            side.open();
            side.headers(1, false, ":status", "200", "content-type", "text/html");
            side.data(1, true, "over h2");
        }, goAwayHttp11Required(), http11Answers("over http/1.1"), http11Answers("later"));
        NavigationResult first = open(navigator);
        assertTrue(first.ok, () -> first.error + ": " + first.errorMessage);
        NavigationResult own = navigator.navigate(NavigationRequest.of("https://h2.test/")
                .withTimeout(Duration.ofSeconds(3)).withConnections(navemu.api.nav.ConnectionReuse.NEVER));
        assertTrue(own.ok, () -> own.error + ": " + own.errorMessage);
        assertEquals("over http/1.1", own.http.bodyPreview);

        NavigationResult later = open(navigator);
        assertTrue(later.ok, () -> later.error + ": " + later.errorMessage);
        assertEquals("later", later.http.bodyPreview);
        assertEquals("HTTP/1.1", later.http.version);
        assertEquals(4, server.accepted());
        assertEquals(List.of("http/1.1"), alpnOffered.get(3));
        assertTrue(infos("dns").stream().anyMatch(m -> m.contains("#1") && m.contains("speaks HTTP/2")
                && m.contains("not reused, closed")), () -> infos("dns").toString());
    }

    @Test
    void otherOriginsStillOfferH2() throws IOException {
        dns.hosts.put("other.test", "127.0.0.1");
        BrowserNavigator navigator = navigator(goAwayHttp11Required(), http11Answers("over http/1.1"),
                side -> {
                    side.readUntil(HEADERS);
                    side.open();
                    side.headers(1, false, ":status", "200", "content-type", "text/html");
                    side.data(1, true, "h2 elsewhere");
                });
        assertSentAgainOverHttp11(open(navigator));
        NavigationResult other = navigator.navigate(NavigationRequest.of("https://other.test/")
                .withTimeout(Duration.ofSeconds(3)));
        assertTrue(other.ok, () -> other.error + ": " + other.errorMessage);
        assertEquals("h2 elsewhere", other.http.bodyPreview);
        assertEquals(List.of("h2", "http/1.1"), alpnOffered.get(2), "only the origin whose server required it");
    }
}
