package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import navemu.api.nav.RequestOptions;
import navemu.api.result.Header;
import navemu.api.result.HttpInfo;
import navemu.api.result.NavigationResult;

/**
 * The request a navigation sends ({@code open -X -H -d}) against a server that records what
 * arrived: the fields the result lists are the fields on the wire, in order; redirects change the
 * method and body as browsers do; what could inject a line is refused before anything is sent.
 */
@Timeout(20)
class RequestOptionsTest {
    private final TestSlots.MapDns dns = new TestSlots.MapDns();
    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    private RecordingHttpServer server;
    private BrowserNavigator navigator;

    @BeforeEach
    void setUp() throws IOException {
        server = new RecordingHttpServer(request -> switch (request.target()) {
            case "/301", "/302", "/303", "/307", "/308" -> "HTTP/1.1 " + request.target().substring(1)
                    + " Moved\r\nLocation: /echo\r\nContent-Length: 0\r\n\r\n";
            case "/elsewhere" -> "HTTP/1.1 307 Moved\r\nLocation: http://other.test/echo\r\nContent-Length: 0\r\n\r\n";
            case "/cookies" -> "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nX-Two: first\r\nset-cookie: b=2\r\n"
                    + "X-Two: second\r\nContent-Length: 0\r\n\r\n";
            case "/head" -> "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";
            default -> {
                String body = request.method() + " " + request.body();
                yield "HTTP/1.1 200 OK\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
            }
        });
        dns.hosts.put("www.test", "127.0.0.1");
        dns.hosts.put("other.test", "127.0.0.1");
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

    private NavigationResult open(String url, RequestOptions options) {
        return navigator.navigate(NavigationRequest.of(url).withTimeout(Duration.ofSeconds(2)).withHttp(options));
    }

    private static RequestOptions post(String body, Header... headers) {
        return new RequestOptions("POST", List.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(List<Header> headers) {
        return headers.stream().map(Header::toString).toList();
    }

    @Test
    void thePostTheResultListsIsTheOneTheServerReceivedFieldForField() {
        NavigationResult r = open("http://www.test/echo", post("a=1&b=2",
                new Header("Content-Type", "application/x-www-form-urlencoded"), new Header("X-Trace", "one"),
                new Header("X-Trace", "two"), new Header("Accept", "*/*")));

        assertTrue(r.ok, r.errorMessage);
        RecordingHttpServer.Received received = server.requests.get(0);
        assertEquals("POST /echo HTTP/1.1", received.requestLine());
        assertEquals("a=1&b=2", received.body());
        assertEquals(received.fieldLines(), lines(r.http.requestHeaders), "what the result says was sent is what came");
        assertEquals("POST", r.http.method);
        assertEquals(7, r.http.requestBodyBytes);
        assertEquals(List.of("*/*"), HttpInfo.valuesOf(r.http.requestHeaders, "Accept"), "-H Accept replaces the default");
        assertEquals(List.of("one", "two"), HttpInfo.valuesOf(r.http.requestHeaders, "X-Trace"), "repeats kept, in order");
        assertEquals("7", received.fieldLines().stream().filter(l -> l.startsWith("Content-Length")).findFirst()
                .orElseThrow().substring("Content-Length: ".length()));
        assertEquals("POST a=1&b=2", r.http.bodyPreview);
    }

    @Test
    void aFieldWithAnEmptyValueRemovesTheDefaultAndAPostWithoutBodySaysContentLengthZero() {
        NavigationResult r = open("http://www.test/echo",
                new RequestOptions("POST", List.of(new Header("User-Agent", "")), new byte[0]));

        assertTrue(r.ok, r.errorMessage);
        assertTrue(server.requests.get(0).fieldLines().stream().noneMatch(l -> l.startsWith("User-Agent")));
        assertTrue(server.requests.get(0).fieldLines().contains("Content-Length: 0"), "as Chromium does for POST");
        assertTrue(open("http://www.test/echo", RequestOptions.NAVIGATION).ok);
        assertTrue(server.requests.get(1).fieldLines().stream().noneMatch(l -> l.startsWith("Content-Length")),
                "a GET without a body sends no Content-Length");
    }

    @Test
    void after301And302APostBecomesAGetWithoutBodyOrContentType() {
        for (String status : List.of("301", "302")) {
            server.requests.clear();
            NavigationResult r = open("http://www.test/" + status,
                    post("x=1", new Header("Content-Type", "application/x-www-form-urlencoded")));

            assertTrue(r.ok, r.errorMessage);
            RecordingHttpServer.Received second = server.requests.get(1);
            assertEquals("GET /echo HTTP/1.1", second.requestLine(), status);
            assertEquals("", second.body());
            assertTrue(second.fieldLines().stream().noneMatch(l -> l.startsWith("Content-")), status + ": " + second.head());
            assertEquals("GET", r.http.method);
            assertEquals("POST", r.redirects.get(0).http.method);
            assertTrue(r.steps.get(r.steps.size() - 1).detail.get("redirectChangedRequest").toString()
                    .contains("POST becomes GET and the body is dropped"));
        }
    }

    @Test
    void after303AnyMethodButHeadBecomesGet() {
        NavigationResult r = open("http://www.test/303", new RequestOptions("PUT", List.of(), "v".getBytes()));

        assertTrue(r.ok, r.errorMessage);
        assertEquals("GET /echo HTTP/1.1", server.requests.get(1).requestLine());
        assertEquals("GET ", r.http.bodyPreview);
    }

    @Test
    void after307And308TheMethodAndBodyStay() {
        for (String status : List.of("307", "308")) {
            server.requests.clear();
            NavigationResult r = open("http://www.test/" + status,
                    post("keep=me", new Header("Content-Type", "text/plain")));

            assertTrue(r.ok, r.errorMessage);
            RecordingHttpServer.Received second = server.requests.get(1);
            assertEquals("POST /echo HTTP/1.1", second.requestLine(), status);
            assertEquals("keep=me", second.body());
            assertTrue(second.fieldLines().contains("Content-Type: text/plain"));
            assertEquals("POST keep=me", r.http.bodyPreview);
        }
    }

    @Test
    void aPutAfter301StaysAPut() {
        NavigationResult r = open("http://www.test/301", new RequestOptions("PUT", List.of(), "v".getBytes()));

        assertTrue(r.ok, r.errorMessage);
        assertEquals("PUT /echo HTTP/1.1", server.requests.get(1).requestLine(), "only POST changes on 301/302");
    }

    @Test
    void authorizationIsNotSentToAnotherOrigin() {
        NavigationResult r = open("http://www.test/elsewhere", new RequestOptions("GET",
                List.of(new Header("Authorization", "Basic dTpw"), new Header("X-Kept", "yes")), new byte[0]));

        assertTrue(r.ok, r.errorMessage);
        assertTrue(server.requests.get(0).fieldLines().contains("Authorization: Basic dTpw"));
        assertTrue(server.requests.get(1).fieldLines().stream().noneMatch(l -> l.startsWith("Authorization")));
        assertTrue(server.requests.get(1).fieldLines().contains("X-Kept: yes"));
        assertTrue(server.requests.get(1).fieldLines().contains("Host: other.test"));
    }

    @Test
    void responseFieldsAreKeptInWireOrderWithRepeatsAndNamesAsSent() {
        NavigationResult r = open("http://www.test/cookies", RequestOptions.NAVIGATION);

        assertTrue(r.ok, r.errorMessage);
        assertEquals(List.of("Set-Cookie: a=1", "X-Two: first", "set-cookie: b=2", "X-Two: second", "Content-Length: 0"),
                lines(r.http.headers));
        assertEquals(List.of("a=1", "b=2"), r.http.values("SET-COOKIE"));
        assertEquals("first", r.http.first("x-two"));
    }

    @Test
    void theResponseToAHeadHasNoBodyWhateverItsContentLength() {
        NavigationResult r = open("http://www.test/head", new RequestOptions("HEAD", List.of(), new byte[0]));

        assertTrue(r.ok, r.errorMessage);
        assertEquals("HEAD /head HTTP/1.1", server.requests.get(0).requestLine());
        assertEquals(0, r.http.bodyBytes);
    }

    @Test
    void fieldsThatCouldInjectALineOrContradictNavemuAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RequestOptions("GET",
                List.of(new Header("X-A", "b\r\nX-Injected: 1")), null));
        assertThrows(IllegalArgumentException.class, () -> new RequestOptions("GET",
                List.of(new Header("X-A", "b\nc")), null));
        assertThrows(IllegalArgumentException.class, () -> new RequestOptions("GET",
                List.of(new Header("X A", "b")), null));
        assertThrows(IllegalArgumentException.class, () -> new RequestOptions("GET",
                List.of(new Header("X-A:", "b")), null));
        assertThrows(IllegalArgumentException.class, () -> new RequestOptions("G ET", List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new RequestOptions("GET\r\n", List.of(), null));
        for (String own : RequestOptions.SET_BY_NAVEMU) {
            assertThrows(IllegalArgumentException.class, () -> new RequestOptions("GET",
                    List.of(new Header(own.toLowerCase(java.util.Locale.ROOT), "x")), null), own);
        }
        assertFalse(new RequestOptions("GET", List.of(new Header("X-Tab", "a\tb")), null).hasBody(),
                "a tab is allowed in a value (RFC 9110 §5.5)");
    }

    @Test
    void onlyASafeRequestWithoutBodyIsOfferedToTheTlsSlotAsEarlyData() {
        List<byte[]> offered = new java.util.ArrayList<>();
        composition.services.put(Slot.TLS, (navemu.api.tls.TlsClient) (request, connection, context, trace) -> {
            offered.add(request.earlyData());
            throw new navemu.api.NavigationException(navemu.api.NetError.ERR_SSL_PROTOCOL_ERROR, "test: no TLS");
        });

        open("https://www.test/", RequestOptions.NAVIGATION);
        open("https://www.test/", post("a=1"));
        open("https://www.test/", new RequestOptions("GET", List.of(), "body".getBytes()));
        open("https://www.test/", new RequestOptions("get", List.of(), null));

        assertTrue(new String(offered.get(0), StandardCharsets.UTF_8).startsWith("GET / HTTP/1.1\r\n"));
        assertNull(offered.get(1), "a POST is never sent as replayable 0-RTT data");
        assertNull(offered.get(2), "nor a request with a body");
        assertNull(offered.get(3), "method names are case-sensitive: 'get' is not the safe GET");
    }
}
