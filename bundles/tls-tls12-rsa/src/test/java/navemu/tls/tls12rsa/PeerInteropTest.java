package navemu.tls.tls12rsa;

import navemu.tls.core.testing.TestPki;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.MapSessionStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionStore;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.TlsRecord;

/** tls12-rsa against real peers on loopback: the JDK's TLS server, openssl s_server, and two that break rules. */
@Timeout(60)
class PeerInteropTest {
    private static final TestPki PKI = TestPki.create(TestPki.KeyType.RSA);

    static SecureChannel connect(int port, SessionStore sessions, RecordingTrace trace) throws Exception {
        return new Tls12RsaClient().handshake(new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(10)),
                SocketConnection.connect(port), new TlsContext((r, t) -> new CertVerdict(true, null, null, null),
                        sessions, Instant.now(), null), trace);
    }

    static String get(SecureChannel channel) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder line = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\r'; b = channel.input().read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    // ---- the JDK's SSLServerSocket -----------------------------------------------------------

    /** A TLS 1.2 server of the JDK limited to {@code suites}; each connection gets one HTTP answer. */
    static SSLServerSocket jdkServer(String... suites) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(PKI.keyManagers(null).getKeyManagers(), null, null);
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
                    // the next connection may still succeed; the client's assertion says what went wrong
                }
            }
        }, "jdk-tls12-server");
        t.setDaemon(true);
        t.start();
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA256"})
    void theJdkServerAgreesOnEachRsaSuite(String suite) throws Exception {
        try (SSLServerSocket server = jdkServer(suite);
             SecureChannel channel = connect(server.getLocalPort(), MapSessionStore.off(), new RecordingTrace())) {
            assertEquals(suite, channel.info().cipherSuite());
            assertTrue(get(channel).contains(" 200"));
        }
    }

    @Test
    void aChainTheCertSlotRejectsEndsTheHandshakeWithItsErrorAndTheMatchingAlert() throws Exception {
        try (SSLServerSocket server = jdkServer("TLS_RSA_WITH_AES_128_GCM_SHA256")) {
            int port = server.getLocalPort();
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new Tls12RsaClient().handshake(
                    new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(10)), SocketConnection.connect(port),
                    new TlsContext((r, t) -> new CertVerdict(false, NetError.ERR_CERT_AUTHORITY_INVALID, "not a known root", null),
                            MapSessionStore.off(), Instant.now(), null), new RecordingTrace()));
            assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, e.error());
            assertTrue(e.getMessage().contains("unknown_ca"), e.getMessage());
            assertTrue(e.partial().messages().stream().noneMatch(m -> m.type().equals("ClientKeyExchange")),
                    "no pre-master secret goes to a server we do not trust");
        }
    }

    @Test
    void theJdkServerResumesBySessionId() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        try (SSLServerSocket server = jdkServer("TLS_RSA_WITH_AES_128_GCM_SHA256")) {
            try (SecureChannel first = connect(server.getLocalPort(), sessions, new RecordingTrace())) {
                assertTrue(get(first).contains(" 200"));
            }
            RecordingTrace trace = new RecordingTrace();
            try (SecureChannel second = connect(server.getLocalPort(), sessions, trace)) {
                assertTrue(second.info().resumed(), trace.infos.toString());
                assertTrue(get(second).contains(" 200"));
            }
            assertEquals(1, trace.roundTrips.size());
        }
    }

    /**
     * A middlebox changes a cipher suite we offered but the server does not pick, on the resumed
     * ClientHello: the server, which sends its Finished first in an abbreviated handshake, hashes
     * a different ClientHello than we did, so its Finished decrypts but does not verify.
     */
    @Test
    void aServerFinishedOverAnAlteredTranscriptIsADecryptError() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        try (SSLServerSocket server = jdkServer("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256");
             TamperingProxy proxy = new TamperingProxy(server.getLocalPort())) {
            try (SecureChannel first = connect(proxy.port(), sessions, new RecordingTrace())) {
                assertTrue(get(first).contains(" 200"));
            }
            proxy.tamper = true;
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                    () -> connect(proxy.port(), sessions, new RecordingTrace()));
            assertTrue(e.getMessage().contains("decrypt_error"), e.getMessage());
            assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, e.error());
            assertTrue(e.partial().messages().stream().anyMatch(m -> m.type().equals("Finished")), "the partial result keeps the messages");
        }
    }

    /** Forwards both ways; when {@link #tamper} is set, rewrites 0x003C (AES_128_CBC_SHA256) to 0x003D in the client's first record. */
    static final class TamperingProxy implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        volatile boolean tamper;

        TamperingProxy(int target) throws IOException {
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        pump(client.getInputStream(), upstream.getOutputStream(), tamper, client, upstream);
                        pump(upstream.getInputStream(), client.getOutputStream(), false, client, upstream);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "tampering-proxy");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void pump(InputStream in, OutputStream out, boolean alterFirst, Socket a, Socket b) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                boolean first = alterFirst;
                try {
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        if (first) {
                            for (int i = 2; i + 3 < n; i++) {
                                if (buf[i] == 0 && buf[i + 1] == 0x3C && buf[i - 2] == 0 && buf[i - 1] == (byte) 0x9D) {
                                    buf[i + 1] = 0x3D;
                                    break;
                                }
                            }
                            first = false;
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException | ArrayIndexOutOfBoundsException ignored) {
                    // one side closed
                } finally {
                    try {
                        a.close();
                        b.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            }, "pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    // ---- openssl s_server ----------------------------------------------------------------------

    @Test
    void opensslServerWithAes128GcmSha256() throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server interop test is skipped");
        try (OpenSslServer server = OpenSslServer.start("-tls1_2", PKI, "AES128-GCM-SHA256", null);
             SecureChannel channel = connect(server.port(), MapSessionStore.off(), new RecordingTrace())) {
            assertEquals("TLS_RSA_WITH_AES_128_GCM_SHA256", channel.info().cipherSuite(), server.output());
            assertTrue(get(channel).contains(" 200"), server.output());
        }
    }

    /** openssl negotiates encrypt_then_mac (RFC 7366) for a CBC suite when offered; the JDK never does. */
    @Test
    void opensslServerWithAes128CbcSha256UsesEncryptThenMac() throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server interop test is skipped");
        RecordingTrace trace = new RecordingTrace();
        try (OpenSslServer server = OpenSslServer.start("-tls1_2", PKI, "AES128-SHA256", null);
             SecureChannel channel = connect(server.port(), MapSessionStore.off(), trace)) {
            assertEquals("TLS_RSA_WITH_AES_128_CBC_SHA256", channel.info().cipherSuite(), server.output());
            assertTrue(get(channel).contains(" 200"), server.output());
        }
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("encrypt-then-MAC")), trace.infos.toString());
    }

    @Test
    void opensslServerResumesByTicketAndBySessionId() throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server interop test is skipped");
        for (boolean tickets : new boolean[] {true, false}) {
            MapSessionStore sessions = MapSessionStore.memory();
            try (OpenSslServer server = tickets ? OpenSslServer.start("-tls1_2", PKI, "AES128-GCM-SHA256", null)
                    : OpenSslServer.start("-tls1_2", PKI, "AES128-GCM-SHA256", null, "-no_ticket")) {
                try (SecureChannel first = connect(server.port(), sessions, new RecordingTrace())) {
                    assertTrue(get(first).contains(" 200"), server.output());
                }
                assertEquals(tickets ? "ticket" : "session-id", sessions.entries.values().iterator().next().kind());
                RecordingTrace trace = new RecordingTrace();
                try (SecureChannel second = connect(server.port(), sessions, trace)) {
                    assertTrue(second.info().resumed(), (tickets ? "ticket: " : "session id: ") + trace.infos + server.output());
                    assertTrue(get(second).contains(" 200"));
                }
                assertEquals(1, trace.roundTrips.size());
            }
        }
    }

    @Test
    void aTicketOpensslRefusesFallsBackToAFullHandshake() throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server interop test is skipped");
        try (OpenSslServer server = OpenSslServer.start("-tls1_2", PKI, "AES128-GCM-SHA256", null)) {
            MapSessionStore sessions = MapSessionStore.memory();
            navemu.api.session.SessionKey key = new navemu.api.session.SessionKey(TestPki.HOST, server.port(), TestPki.HOST);
            byte[] bogus = new byte[160];
            java.util.Arrays.fill(bogus, (byte) 0x5a);
            sessions.put(key, new navemu.api.session.StoredSession("TLSv1.2", "ticket", "TLS_RSA_WITH_AES_128_GCM_SHA256", null,
                    bogus, new byte[48], Instant.now(), Duration.ofHours(1), 0, 0, null, true,
                    navemu.tls.core.testing.StoredChain.placeholder()));
            RecordingTrace trace = new RecordingTrace();
            try (SecureChannel channel = connect(server.port(), sessions, trace)) {
                assertFalse(channel.info().resumed());
                assertTrue(get(channel).contains(" 200"), server.output());
            }
            assertEquals("160 bytes", trace.fieldsByMessage.get("C>S ClientHello").get("session_ticket"), "the ticket was offered");
            assertEquals(2, trace.roundTrips.size());
            assertFalse(java.util.Arrays.equals(bogus, sessions.entries.get(key).ticket()), "the refused ticket was replaced by the new one");
        }
    }

    // ---- a server that breaks a rule --------------------------------------------------------

    @Test
    void aServerChoosingASuiteWeDidNotOfferGetsIllegalParameter() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            byte[][] clientAlert = new byte[1][];
            Thread server = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout(10_000);
                    InputStream in = s.getInputStream();
                    byte[] header = in.readNBytes(5);
                    in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
                    // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: not among tls12-rsa's suites.
                    ServerHello sh = new ServerHello(0x0303, new byte[32], new byte[0], 0xC02F, 0, List.of());
                    s.getOutputStream().write(new TlsRecord(ContentType.HANDSHAKE, 0x0303, sh.toMessage().encode()).encode());
                    s.getOutputStream().flush();
                    clientAlert[0] = in.readNBytes(7);
                } catch (IOException e) {
                    clientAlert[0] = new byte[0];
                }
            });
            server.start();
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                    () -> connect(listener.getLocalPort(), MapSessionStore.off(), new RecordingTrace()));
            server.join(10_000);
            assertTrue(e.getMessage().contains("did not offer"), e.getMessage());
            assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, e.error());
            assertEquals(List.of("ClientHello", "ServerHello"), e.partial().messages().stream().map(m -> m.type()).toList());
            // alert record: type 21, version, length 2, fatal(2), illegal_parameter(47)
            assertEquals(7, clientAlert[0].length);
            assertEquals(21, clientAlert[0][0]);
            assertEquals(2, clientAlert[0][5]);
            assertEquals(47, clientAlert[0][6]);
            assertFalse(e.partial().resumed());
        }
    }
}
