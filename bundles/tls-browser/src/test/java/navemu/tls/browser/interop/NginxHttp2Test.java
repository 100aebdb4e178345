package navemu.tls.browser.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.cert.CertVerdict;
import navemu.api.nav.RequestOptions;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.navigator.http.HttpTransport;
import navemu.navigator.http.RequestMessage;
import navemu.navigator.http2.Http2Transport;
import navemu.tls.browser.BrowserTlsClient;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.NginxServer;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * The whole browser path against nginx as a real HTTP/2 server: our Chrome-shaped TLS client
 * offers {@code h2, http/1.1}, nginx's {@code ssl http2} listener selects h2, and the navigator's
 * own HTTP/2 frames (Chrome's SETTINGS, HEADERS, then nginx's SETTINGS, HEADERS and DATA) carry
 * two requests on one connection, streams 1 and 3.
 */
@Timeout(120)
class NginxHttp2Test {
    private static TestPki pki;

    @BeforeAll
    static void certificates() {
        pki = TestPki.create(TestPki.KeyType.ECDSA);
    }

    @Test
    void overTlsWithAlpnH2TheStaticFileComesInOurHttp2FramesOnOneConnection() throws Exception {
        try (NginxServer nginx = NginxServer.start(pki, NginxServer.Options.defaults().withHttp2());
             SecureChannel channel = new BrowserTlsClient().handshake(
                     new TlsRequest(TestPki.HOST, nginx.port(), List.of("h2", "http/1.1"), null, Duration.ofSeconds(20)),
                     SocketConnection.connect(nginx.port()),
                     new TlsContext((r, t) -> new CertVerdict(true, null, null, null), MapSessionStore.off(),
                             Instant.now(), null),
                     new RecordingTrace())) {
            assertEquals("h2", channel.info().alpn(), nginx.output());
            Http2Transport http2 = new Http2Transport(channel.input(), channel.output(), "https");
            RequestMessage get = RequestMessage.of(RequestOptions.NAVIGATION, NginxServer.STATIC_PATH, TestPki.HOST);
            for (int request = 1; request <= 2; request++) {
                RecordingTrace trace = new RecordingTrace();
                HttpTransport.Exchange exchange = http2.exchange(get, false, trace, () -> { });
                assertEquals(200, exchange.response().status(), nginx.output());
                assertEquals("HTTP/2", exchange.response().version());
                assertEquals(NginxServer.STATIC_BODY, exchange.response().bodyPreview());
                assertTrue(exchange.response().values("server").stream().anyMatch(v -> v.startsWith("nginx")),
                        exchange.response().headers().toString());
                assertTrue(trace.received.contains("HEADERS") && trace.received.contains("DATA"), trace.received.toString());
                if (request == 1) {
                    assertTrue(trace.sent.contains("SETTINGS") && trace.received.contains("SETTINGS"),
                            "both sides' SETTINGS on the first exchange: " + trace.sent + " / " + trace.received);
                }
                assertTrue(http2.reusable(), "the connection stays open for the next stream");
            }
            http2.close(); // GOAWAY, as Chrome says it when it closes
        }
    }
}
