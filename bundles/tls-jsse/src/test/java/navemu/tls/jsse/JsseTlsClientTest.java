package navemu.tls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.cert.CertificateValidator;
import navemu.api.result.TlsMessage;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;

@Timeout(30)
class JsseTlsClientTest {

    private static final String HOST = "www.lab.test";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final List<Thread> threads = new ArrayList<>();
    private final List<ServerSocket> servers = new ArrayList<>();
    private final List<List<byte[]>> chainsSeen = new ArrayList<>();
    private final BlockingQueue<String> serverSaw = new ArrayBlockingQueue<>(10);

    @AfterEach
    void stop() throws Exception {
        for (ServerSocket server : servers) {
            server.close();
        }
        for (Thread thread : threads) {
            thread.join(5000);
        }
    }

    /** A JDK TLS server on loopback that answers one line with "echo: " + the line, then waits for close_notify. */
    private int jdkServer(String[] protocols, String... alpn) throws Exception {
        TestCertificates certificates = new TestCertificates(HOST);
        SSLServerSocket server = (SSLServerSocket) certificates.serverContext().getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        SSLParameters parameters = server.getSSLParameters();
        parameters.setProtocols(protocols);
        parameters.setApplicationProtocols(alpn);
        server.setSSLParameters(parameters);
        servers.add(server);
        background(() -> {
            try (SSLSocket peer = (SSLSocket) server.accept()) {
                peer.setSoTimeout(5000);
                InputStream in = peer.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                    line.append((char) b);
                }
                serverSaw.add("line:" + line + " sni:" + peer.getSession().getPeerHost());
                peer.getOutputStream().write(("echo: " + line + "\n").getBytes(StandardCharsets.US_ASCII));
                peer.getOutputStream().flush();
                serverSaw.add("after-close:" + in.read());
            }
        });
        return server.getLocalPort();
    }

    /** A plain TCP peer that reads what the client sends, then does {@code reply}. */
    private int rawServer(PeerAction reply) throws IOException {
        ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        servers.add(server);
        background(() -> {
            try (Socket peer = server.accept()) {
                peer.setSoTimeout(5000);
                byte[] hello = new byte[16384];
                int n = peer.getInputStream().read(hello);
                serverSaw.add("read:" + n);
                reply.act(peer.getOutputStream(), peer);
            }
        });
        return server.getLocalPort();
    }

    interface PeerAction {
        void act(OutputStream out, Socket peer) throws Exception;
    }

    interface Body {
        void run() throws Exception;
    }

    private void background(Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Exception ignored) {
                // the client side of each test asserts what matters
            }
        });
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private CertificateValidator accepting() {
        return (request, trace) -> {
            chainsSeen.add(request.chain());
            return new CertVerdict(true, null, null, null);
        };
    }

    private static final SessionStore NO_SESSIONS = new SessionStore() {
        @Override public Optional<StoredSession> find(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public Optional<StoredSession> take(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public void put(SessionKey key, StoredSession session) { }
        @Override public void remove(SessionKey key) { }
        @Override public List<Entry> list(Instant now) { return List.of(); }
        @Override public void clear() { }
    };

    private SecureChannel handshake(int port, CertificateValidator validator, RecordingTrace trace, String... alpn)
            throws Exception {
        return new JsseTlsClient().handshake(new TlsRequest(HOST, port, List.of(alpn), null, READ_TIMEOUT),
                SocketConnection.to(port), new TlsContext(validator, NO_SESSIONS, Instant.now(), null), trace);
    }

    private static String echo(SecureChannel channel, String line) throws IOException {
        channel.output().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder reply = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\n'; b = channel.input().read()) {
            reply.append((char) b);
        }
        return reply.toString();
    }

    private static List<String> types(List<TlsMessage> messages, String dir) {
        return messages.stream().filter(m -> m.dir().equals(dir)).map(TlsMessage::type).toList();
    }

    @Test
    void tls13HandshakeNegotiatesAlpnShowsThePlaintextHellosAndTakesOneRoundTrip() throws Exception {
        int port = jdkServer(new String[] {"TLSv1.3"}, "h2", "http/1.1");
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake(port, accepting(), trace, "http/1.1")) {
            assertEquals("TLSv1.3", channel.info().version());
            assertTrue(channel.info().cipherSuite().startsWith("TLS_AES_") || channel.info().cipherSuite().startsWith("TLS_CHACHA20"),
                    channel.info().cipherSuite());
            assertEquals("http/1.1", channel.info().alpn());
            assertEquals(HOST, channel.info().sni());
            assertEquals("x25519", channel.info().group(), "the JDK's first key share is x25519");
            assertFalse(channel.info().resumed());
            assertEquals(List.of("ClientHello", "ChangeCipherSpec"), types(channel.info().messages(), TlsMessage.CLIENT_TO_SERVER));
            assertEquals(List.of("ServerHello", "ChangeCipherSpec"), types(channel.info().messages(), TlsMessage.SERVER_TO_CLIENT));
            assertEquals(HOST, trace.sent.get("ClientHello").get("server_name"));
            assertEquals("http/1.1", trace.sent.get("ClientHello").get("alpn"));
            assertEquals("TLSv1.3", trace.received.get("ServerHello").get("supported_versions"));
            assertEquals(1, trace.roundTrips.size(), "TLS 1.3 full handshake: one round trip, " + trace.roundTrips);
            assertTrue(trace.text().contains("encrypted") && trace.text().contains("does not show"), trace.text());
            assertTrue(trace.text().contains("fresh SSLContext"), trace.text());
            assertEquals(1, chainsSeen.size(), "the cert slot saw the chain");
            assertEquals(1, chainsSeen.get(0).size());

            assertEquals("echo: hello", echo(channel, "hello"));
        }
        assertEquals("line:hello sni:null", serverSaw.poll(5, TimeUnit.SECONDS).replaceAll("sni:.*", "sni:null"));
        assertEquals("after-close:-1", serverSaw.poll(5, TimeUnit.SECONDS), "close() sent close_notify");
    }

    @Test
    void tls12HandshakeShowsEveryMessageBeforeChangeCipherSpecAndTakesTwoRoundTrips() throws Exception {
        int port = jdkServer(new String[] {"TLSv1.2"});
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake(port, accepting(), trace)) {
            assertEquals("TLSv1.2", channel.info().version());
            assertTrue(channel.info().cipherSuite().startsWith("TLS_ECDHE_ECDSA_"), channel.info().cipherSuite());
            assertEquals("x25519", channel.info().group(), "from the ServerKeyExchange");
            assertEquals(null, channel.info().alpn());
            List<String> fromServer = types(channel.info().messages(), TlsMessage.SERVER_TO_CLIENT);
            assertTrue(fromServer.containsAll(List.of("ServerHello", "Certificate", "ServerKeyExchange",
                    "ServerHelloDone", "ChangeCipherSpec", "Finished")), fromServer.toString());
            assertEquals(List.of("ClientHello", "ClientKeyExchange", "ChangeCipherSpec", "Finished"),
                    types(channel.info().messages(), TlsMessage.CLIENT_TO_SERVER));
            assertEquals("1", trace.received.get("Certificate").get("certificates"));
            assertEquals(2, trace.roundTrips.size(), "TLS 1.2 full handshake: two round trips, " + trace.roundTrips);
            assertEquals("echo: twelve", echo(channel, "twelve"));
        }
    }

    @Test
    void aRejectedChainFailsTheHandshakeWithTheCertSlotsError() throws Exception {
        int port = jdkServer(new String[] {"TLSv1.3"});
        CertificateValidator rejecting = (request, trace) -> new CertVerdict(false, NetError.ERR_CERT_AUTHORITY_INVALID,
                "CN=www.lab.test is not issued by a trusted root", null);
        NavigationException e = assertThrows(NavigationException.class,
                () -> handshake(port, rejecting, new RecordingTrace()));
        assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, e.error());
        assertTrue(e.getMessage().contains("not issued by a trusted root"), e.getMessage());
    }

    @Test
    void aProtocolVersionAlertIsAVersionOrCipherMismatch() throws Exception {
        // RFC 8446 §6: a fatal alert record, level 2, description protocol_version(70).
        int port = rawServer((out, peer) -> out.write(new byte[] {21, 3, 3, 0, 2, 2, 70}));
        RecordingTrace trace = new RecordingTrace();
        NavigationException e = assertThrows(NavigationException.class, () -> handshake(port, accepting(), trace));
        assertEquals(NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH, e.error());
        assertEquals("protocol_version", trace.received.get("Alert").get("description"));
        // The result can show how far it got: the ClientHello out, the alert back.
        List<String> exchanged = ((navemu.api.tls.HandshakeFailedException) e).partial().messages().stream()
                .map(m -> m.dir() + " " + m.type()).toList();
        assertEquals(List.of("C>S ClientHello", "S>C Alert"), exchanged);
    }

    @Test
    void aServerThatSpeaksHttpInsteadOfTlsIsAProtocolError() throws Exception {
        int port = rawServer((out, peer) -> out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        NavigationException e = assertThrows(NavigationException.class,
                () -> handshake(port, accepting(), new RecordingTrace()));
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, e.error());
    }

    @Test
    void aServerThatClosesAfterTheClientHelloIsConnectionClosed() throws Exception {
        int port = rawServer((out, peer) -> peer.close());
        NavigationException e = assertThrows(NavigationException.class,
                () -> handshake(port, accepting(), new RecordingTrace()));
        assertEquals(NetError.ERR_CONNECTION_CLOSED, e.error());
    }

    @Test
    void aSilentServerTimesOutInsteadOfHanging() throws Exception {
        int port = rawServer((out, peer) -> Thread.sleep(3000));
        RecordingTrace trace = new RecordingTrace();
        NavigationException e = assertThrows(NavigationException.class,
                () -> new JsseTlsClient().handshake(new TlsRequest(HOST, port, List.of(), null, Duration.ofMillis(300)),
                        SocketConnection.to(port), new TlsContext(accepting(), NO_SESSIONS, Instant.now(), null), trace));
        assertEquals(NetError.ERR_TIMED_OUT, e.error());
        assertTrue(e.getMessage().contains("300 ms") && e.getMessage().contains("ClientHello"), e.getMessage());
    }

    @Test
    void aTls12ServerHelloWithTheDowngradeSentinelIsADetectedDowngrade() throws Exception {
        // RFC 8446 §4.1.3: a server that can do TLS 1.3 but answers TLS 1.2 ends its random with
        // "DOWNGRD" 01; a TLS 1.3 client must abort. The rest of the ServerHello is an ordinary TLS 1.2 one.
        byte[] random = new byte[32];
        System.arraycopy(new byte[] {0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01}, 0, random, 24, 8);
        java.io.ByteArrayOutputStream hello = new java.io.ByteArrayOutputStream();
        hello.writeBytes(new byte[] {3, 3});
        hello.writeBytes(random);
        hello.writeBytes(new byte[] {0, (byte) 0xc0, 0x2f, 0}); // no session id, ECDHE_RSA_WITH_AES_128_GCM_SHA256, null compression
        byte[] body = hello.toByteArray();
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, 3, 3, 0, (byte) (body.length + 4), 2, 0, 0, (byte) body.length});
        record.writeBytes(body);
        int port = rawServer((out, peer) -> out.write(record.toByteArray()));
        NavigationException e = assertThrows(NavigationException.class,
                () -> handshake(port, accepting(), new RecordingTrace()));
        assertEquals(NetError.ERR_TLS13_DOWNGRADE_DETECTED, e.error(), e.getMessage());
    }
}
