package navemu.tls.browser.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.cert.CertVerdict;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.browser.BrowserTlsClient;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.NginxServer;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * nginx as a real web server for the {@code browser} client: a static file fetched over
 * HTTP/1.1 after ALPN, the fixture's HTTP/2 listener selecting h2 when it is offered, and the
 * fixture leaving no nginx process behind.
 */
@Timeout(120)
class NginxStaticFileTest {
    private static TestPki pki;

    @BeforeAll
    static void certificates() {
        pki = TestPki.create(TestPki.KeyType.ECDSA);
    }

    private static SecureChannel connect(int port, List<String> alpn) throws Exception {
        return new BrowserTlsClient().handshake(new TlsRequest(TestPki.HOST, port, alpn, null, Duration.ofSeconds(20)),
                SocketConnection.connect(port), new TlsContext((r, t) -> new CertVerdict(true, null, null, null),
                        MapSessionStore.off(), Instant.now(), null), new RecordingTrace());
    }

    @Test
    void theStaticFileComesOverHttp11AfterAlpn() throws Exception {
        try (NginxServer nginx = NginxServer.start(pki, NginxServer.Options.defaults());
             SecureChannel channel = connect(nginx.port(), List.of("http/1.1"))) {
            assertEquals("TLSv1.3", channel.info().version(), nginx.output());
            assertEquals("http/1.1", channel.info().alpn());
            assertEquals("x25519", channel.info().group());
            Response response = get(channel, NginxServer.STATIC_PATH);
            assertEquals("HTTP/1.1 200 OK", response.statusLine);
            assertTrue(response.head.toLowerCase(Locale.ROOT).contains("\r\nserver: nginx"), response.head);
            assertEquals(NginxServer.STATIC_BODY, response.body);
        }
    }

    @Test
    void theHttp2ListenerSelectsH2WhenOfferedAndStillServesHttp11() throws Exception {
        try (NginxServer nginx = NginxServer.start(pki, NginxServer.Options.defaults().withHttp2())) {
            try (SecureChannel channel = connect(nginx.port(), List.of("h2", "http/1.1"))) {
                assertEquals("h2", channel.info().alpn(), nginx.output());
            }
            try (SecureChannel channel = connect(nginx.port(), List.of("http/1.1"))) {
                assertEquals("http/1.1", channel.info().alpn());
                assertEquals(NginxServer.STATIC_BODY, get(channel, NginxServer.STATIC_PATH).body);
            }
        }
    }

    @Test
    void closingStopsNginxAndFreesItsPort() throws Exception {
        NginxServer nginx = NginxServer.start(pki, NginxServer.Options.defaults());
        int port = nginx.port();
        assertTrue(nginx.isAlive());
        nginx.close();
        assertFalse(nginx.isAlive());
        assertTrue(ProcessHandle.current().descendants()
                .noneMatch(p -> p.info().command().orElse("").endsWith("/nginx")), "an nginx child is left");
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        });
    }

    private record Response(String statusLine, String head, String body) {
    }

    /** One GET with Connection: close; nginx ends the response by closing, so the body is the rest of the stream. */
    private static Response get(SecureChannel channel, String path) throws IOException {
        channel.output().write(("GET " + path + " HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        InputStream in = channel.input();
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        assertTrue(end > 0, all);
        String head = all.substring(0, end + 2);
        return new Response(head.substring(0, head.indexOf("\r\n")), head, all.substring(end + 4));
    }
}
