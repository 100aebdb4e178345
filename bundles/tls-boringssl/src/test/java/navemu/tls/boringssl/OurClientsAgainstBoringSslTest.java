package navemu.tls.boringssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionStore;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsClient;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.lab.LabWorld;
import navemu.tls.browser.BrowserTlsClient;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.tls13ecdhe.Tls13EcdheClient;

/** Our own TLS clients ({@code browser}, {@code tls13-ecdhe}) against BoringSSL's server in the lab. */
@Timeout(120)
class OurClientsAgainstBoringSslTest {

    @TempDir
    static Path home;
    private static LabWorld lab;

    @BeforeAll
    static void start() throws Exception {
        lab = LabWorld.start(home, Path.of("../../config"));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static SecureChannel handshake(TlsClient client, String host, SessionStore sessions,
                                           navemu.tls.core.testing.RecordingTrace trace) throws Exception {
        int port = lab.port(host);
        return client.handshake(new TlsRequest(host, port, List.of("http/1.1"), null, Duration.ofSeconds(30)),
                SocketConnection.connect(port), new TlsContext((request, t) -> new CertVerdict(true, null, null, null),
                        sessions, Instant.now(), null), trace);
    }

    private static String statusLine(SecureChannel channel, String host) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder line = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\r'; b = channel.input().read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void theBrowserClientResumesItsTls13SessionWithBoringSslsTicket() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        try (SecureChannel channel = handshake(new BrowserTlsClient(), "boring.lab.test", sessions,
                new navemu.tls.core.testing.RecordingTrace())) {
            assertEquals("TLSv1.3", channel.info().version());
            assertFalse(channel.info().resumed());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "boring.lab.test"));
        }
        try (SecureChannel channel = handshake(new BrowserTlsClient(), "boring.lab.test", sessions,
                new navemu.tls.core.testing.RecordingTrace())) {
            assertTrue(channel.info().resumed(), "BoringSSL accepted the ticket it issued: " + channel.info().messages());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "boring.lab.test"));
        }
    }

    @Test
    void theTls13EcdheClientAgreesOnX25519WithThePostQuantumAndTheClassicalSite() throws Exception {
        for (String host : List.of("pq.lab.test", "classic.lab.test", "boring.lab.test")) {
            try (SecureChannel channel = handshake(new Tls13EcdheClient(), host, MapSessionStore.off(),
                    new navemu.tls.core.testing.RecordingTrace())) {
                assertEquals("TLSv1.3", channel.info().version(), host);
                assertEquals("x25519", channel.info().group(), host);
                assertEquals("HTTP/1.1 200 OK", statusLine(channel, host), host);
            }
        }
    }
}
