package navemu.tls.tls12rsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.cert.CertVerdict;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/** What the client does with a TLS 1.2 session whose resumption fails, against the JDK's TLS 1.2 server. */
@Timeout(60)
class SessionHygieneTest {
    private static final TestPki PKI = TestPki.create(TestPki.KeyType.RSA);
    private static final String SUITE = "TLS_RSA_WITH_AES_128_GCM_SHA256";

    /** The JDK's TLS 1.2 server (it sends no ticket when its session timeout is over 7 days, despite RFC 5077 §3.3). */
    private static SSLServerSocket jdkServer(Duration sessionTimeout, String... suites) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(PKI.keyManagers(null).getKeyManagers(), null, null);
        ctx.getServerSessionContext().setSessionTimeout((int) sessionTimeout.toSeconds());
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        s.setEnabledProtocols(new String[] {"TLSv1.2"});
        s.setEnabledCipherSuites(suites);
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (SSLSocket c = (SSLSocket) s.accept()) {
                    c.setSoTimeout(10_000);
                    c.startHandshake();
                    InputStream in = c.getInputStream();
                    String seen = "";
                    byte[] buf = new byte[4096];
                    while (!seen.contains("\r\n\r\n")) {
                        int n = in.read(buf);
                        if (n < 0) {
                            break;
                        }
                        seen += new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                    }
                    c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    c.getOutputStream().flush();
                } catch (IOException e) {
                    // the client's assertion says what went wrong
                }
            }
        }, "jdk-tls12-server");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private static SecureChannel connect(int port, MapSessionStore sessions, RecordingTrace trace) throws Exception {
        return new Tls12RsaClient().handshake(new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(10)),
                SocketConnection.connect(port), new TlsContext((r, t) -> new CertVerdict(true, null, null, null),
                        sessions, Instant.now(), null), trace);
    }

    private static String get(SecureChannel channel) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder line = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\r'; b = channel.input().read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void aResumptionThatFailsDropsItsSession() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        try (SSLServerSocket server = jdkServer(Duration.ofHours(1), SUITE, "TLS_RSA_WITH_AES_256_CBC_SHA256");
             PeerInteropTest.TamperingProxy proxy = new PeerInteropTest.TamperingProxy(server.getLocalPort())) {
            try (SecureChannel first = connect(proxy.port(), sessions, new RecordingTrace())) {
                assertTrue(get(first).contains(" 200"));
            }
            assertEquals(1, sessions.entries.size());
            proxy.tamper = true; // the resumed handshake's server Finished will not verify
            RecordingTrace trace = new RecordingTrace();
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                    () -> connect(proxy.port(), sessions, trace));
            assertTrue(e.getMessage().contains("decrypt_error"), e.getMessage());
            assertTrue(trace.infos.stream().anyMatch(i -> i.contains("that session is dropped")), trace.infos.toString());
        }
        assertEquals(0, sessions.entries.size(), "offering it again would fail again");
    }
}
