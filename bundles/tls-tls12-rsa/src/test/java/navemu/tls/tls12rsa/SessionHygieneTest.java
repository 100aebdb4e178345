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

import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Hashtable;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.NewSessionTicket;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.util.Integers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.cert.CertVerdict;
import navemu.api.session.StoredSession;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/** What the client keeps of a TLS 1.2 session, for how long, and when it lets it go. */
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

    /**
     * Bouncy Castle's TLS 1.2 server (RSA key exchange), promising a ticket in its ServerHello and
     * sending one with {@code lifetimeHint} seconds (RFC 5077 §3.3: a uint32, so up to 136 years).
     */
    private static ServerSocket ticketServer(long lifetimeHint) throws IOException {
        ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    socket.setSoTimeout(10_000);
                    TlsServerProtocol protocol = new TlsServerProtocol(socket.getInputStream(), socket.getOutputStream());
                    protocol.accept(new DefaultTlsServer(crypto) {
                        @Override
                        protected ProtocolVersion[] getSupportedVersions() {
                            return ProtocolVersion.TLSv12.only();
                        }

                        @Override
                        protected int[] getSupportedCipherSuites() {
                            return new int[] {CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256};
                        }

                        @Override
                        protected TlsCredentialedDecryptor getRSAEncryptionCredentials() throws IOException {
                            TlsCertificate leaf = crypto.createCertificate(encoded(PKI.leaf));
                            return new BcDefaultTlsCredentialedDecryptor(crypto, new Certificate(new TlsCertificate[] {leaf}),
                                    PrivateKeyFactory.createKey(PKI.leafKeys.getPrivate().getEncoded()));
                        }

                        @Override
                        @SuppressWarnings({"rawtypes", "unchecked"}) // Bouncy Castle's API is a raw Hashtable
                        public Hashtable getServerExtensions() throws IOException {
                            Hashtable extensions = super.getServerExtensions();
                            extensions = extensions == null ? new Hashtable() : extensions;
                            extensions.put(Integers.valueOf(ExtensionType.session_ticket), TlsUtils.EMPTY_BYTES);
                            return extensions;
                        }

                        @Override
                        public NewSessionTicket getNewSessionTicket() {
                            return new NewSessionTicket(lifetimeHint, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
                        }
                    });
                    byte[] buf = new byte[4096];
                    protocol.getInputStream().read(buf);
                    protocol.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    protocol.close();
                } catch (IOException e) {
                    // the client's assertion says what went wrong
                }
            }
        }, "bc-tls12-ticket-server");
        t.setDaemon(true);
        t.start();
        return listener;
    }

    private static byte[] encoded(java.security.cert.X509Certificate certificate) throws IOException {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    @Test
    void aTicketLifetimeHintOverSevenDaysIsKeptForSevenDays() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        RecordingTrace trace = new RecordingTrace();
        try (ServerSocket server = ticketServer(0xFFFF_FFFFL);
             SecureChannel channel = connect(server.getLocalPort(), sessions, trace)) {
            assertTrue(get(channel).contains(" 200"));
        }
        assertEquals("4294967295 s", trace.fieldsByMessage.get("S>C NewSessionTicket").get("ticket_lifetime_hint"));
        StoredSession stored = sessions.entries.values().iterator().next();
        assertEquals("ticket", stored.kind());
        assertEquals(Duration.ofDays(7), stored.lifetime(), "RFC 8446 §4.6.1's 7 days, for TLS 1.2 tickets too");
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("kept for 7 days")), trace.infos.toString());
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
