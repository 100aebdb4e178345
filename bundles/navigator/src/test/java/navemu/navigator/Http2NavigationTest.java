package navemu.navigator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.nav.NavigationRequest;
import navemu.api.nav.PortHint;
import navemu.api.nav.PortMap;
import navemu.api.result.NavigationResult;
import navemu.api.trace.TraceEvent;
import navemu.navigator.http2.HttpTransports;
import navemu.navigator.http2.ScriptedH2Server;

/**
 * The navigator chooses the HTTP version by ALPN: it offers h2 and http/1.1 as Chrome does (or
 * http/1.1 alone when its {@code http2} setting is false), and speaks HTTP/2 when the handshake
 * selected h2. The TLS slot here is a stand-in that records the offer and "selects" like a
 * server that prefers h2; the bytes go in the clear to a scripted HTTP/2 server on loopback.
 */
@Timeout(20)
class Http2NavigationTest {
    private final TestSlots.MapDns dns = new TestSlots.MapDns();
    private final TestSlots.FixedComposition composition = new TestSlots.FixedComposition();
    /** Records the ALPN offer; selects h2 when offered, as a server that speaks it does. */
    private final TestSlots.AlpnChoosingTls alpnRecordingTls = new TestSlots.AlpnChoosingTls();
    private final List<List<String>> offers = alpnRecordingTls.offers;
    private int port;

    @BeforeEach
    void setUp() {
        TestSlots.http2Slots(composition, dns, alpnRecordingTls);
    }

    private BrowserNavigator navigator() {
        PortMap ports = (host, scheme) -> Optional.of(new PortHint(port, "test port map"));
        return new BrowserNavigator(composition, List.of(ports));
    }

    @Test
    void whenAlpnSelectsH2TheRequestGoesAsHttp2AndTheResultSaysSo() throws Exception {
        List<TraceEvent> events = new ArrayList<>();
        try (ScriptedH2Server server = new ScriptedH2Server(side -> {
            side.readUntil(0x1);
            side.open();
            side.headers(1, false, ":status", "200", "content-type", "text/html");
            side.data(1, true, "<h1>h2</h1>");
        })) {
            port = server.port();
            BrowserNavigator navigator = navigator();
            NavigationResult r = navigator.navigate(NavigationRequest.of("https://h2.test/")
                    .withTimeout(Duration.ofSeconds(5)).withListener(events::add));
            // The connection stays open for the next request (the pool) until the navigator lets it go.
            assertEquals(1, navigator.closeIdleConnections(), "the h2 connection was kept for reuse");
            server.finish();

            assertTrue(r.ok, r.errorMessage);
            assertEquals(List.of(List.of("h2", "http/1.1")), offers, "Chrome's ALPN offer");
            assertEquals("HTTP/2", r.http.version);
            assertEquals(200, r.status);
            assertEquals("<h1>h2</h1>", r.http.bodyPreview);
            assertEquals(":method", r.http.requestHeaders.get(0).name, "the request fields as HTTP/2 sent them");
            assertTrue(r.http.requestHeaders.stream().noneMatch(h -> h.name.equalsIgnoreCase("connection")));
            assertTrue(events.stream().anyMatch(e -> e.kind() == TraceEvent.Kind.SENT && "http".equals(e.step())
                    && "SETTINGS".equals(e.name())), "the frames are in the trace");
            assertNotNull(server.first(0x7), "the navigator said GOAWAY when it closed the idle connection");
        }
    }

    @Test
    void theHttp2SettingOffIsAnHttp11OnlyOffer() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(path -> LoopbackHttpServer.ok("one"))) {
            port = server.port();
            BrowserNavigator navigator = navigator();
            navigator.configure(Map.of(HttpTransports.SETTING, "false"));
            NavigationResult r = navigator.navigate(NavigationRequest.of("https://h2.test/").withTimeout(Duration.ofSeconds(5)));

            assertTrue(r.ok, r.errorMessage);
            assertEquals(List.of(List.of("http/1.1")), offers);
            assertEquals("HTTP/1.1", r.http.version);
        }
    }

    @Test
    void aBadHttp2SettingKeepsH2Offered() {
        assertEquals(HttpTransports.ALPN_WITH_H2, HttpTransports.alpnOffer(true));
        assertThrowsNamed(() -> BooleanSetting.parse(HttpTransports.SETTING, "maybe", true));
        assertEquals(true, BooleanSetting.parse(HttpTransports.SETTING, null, true));
        assertEquals(false, BooleanSetting.parse(HttpTransports.SETTING, " FALSE ", true));
    }

    private static void assertThrowsNamed(Runnable setting) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, setting::run);
        assertTrue(e.getMessage().contains("http2=maybe refused"), e.getMessage());
    }
}
