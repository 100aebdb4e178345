package navemu.tls.browser.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.browser.BrowserTlsClient;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.KeyShareEntry;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * The {@code browser} client against every independent TLS server installed here
 * ({@link InteropPeer}: BoringSSL, Bouncy Castle, the JDK, openssl s_server, nginx), each
 * offering or refusing the hybrid group X25519MLKEM768, with real bytes on loopback. Each case
 * reads the hellos as they crossed the wire ({@link WireTap}), not only the client's account of
 * them, and ends with one HTTP/1.1 GET answered 200.
 *
 * <p>Where a server cannot offer the hybrid group (OpenSSL 3.0 and nginx on it: ML-KEM came in
 * OpenSSL 3.5; JDK 17: no ML-KEM at all), the hybrid case states it by what the server does when
 * told to, and the other cases run as for everyone.
 */
@Timeout(180)
class InteropMatrixTest {
    private static final int X25519MLKEM768 = 0x11ec;
    private static final int X25519 = 0x001d;
    private static final int SECP256R1 = 0x0017;

    private static TestPki pki;

    @BeforeAll
    static void certificates() {
        // RSA: a server's ECDSA certificate would tie it to a curve among its groups (Bouncy Castle
        // drops ecdsa_secp256r1_sha256 when secp256r1 is not one), and the cases vary the groups.
        pki = TestPki.create(TestPki.KeyType.RSA);
    }

    // ---- (a) the server offers X25519MLKEM768 ---------------------------------------------------

    static Stream<InteropPeer> peersWithTheHybridGroup() {
        return Arrays.stream(InteropPeer.values()).filter(peer -> peer.offersHybrid);
    }

    @ParameterizedTest(name = "{0} accepting X25519MLKEM768 → X25519MLKEM768, 1216-byte share out, 1120 back")
    @MethodSource("peersWithTheHybridGroup")
    void aServerAcceptingTheHybridGroupAgreesOnIt(InteropPeer peer) throws Exception {
        try (InteropServer server = peer.start(pki, List.of("TLSv1.3"), List.of("X25519MLKEM768", "x25519"))) {
            Navigation n = succeed(peer, server);
            assertEquals("TLSv1.3", n.channel.info().version(), server.output());
            assertEquals("X25519MLKEM768", n.channel.info().group());
            assertEquals("ML-KEM + ECDHE", n.channel.info().keyExchange());
            List<ServerHello> serverHellos = n.serverHellos();
            assertEquals(1, serverHellos.size(), "no HelloRetryRequest");
            KeyShareEntry answer = Extensions.decodeKeyShareServerHello(serverHellos.get(0).extension(ExtensionType.KEY_SHARE).data());
            assertEquals(X25519MLKEM768, answer.group());
            assertEquals(1120, answer.keyExchange().length, "ML-KEM-768 ciphertext (1088) + X25519 key (32)");
            KeyShareEntry offered = share(n.clientHellos(1).get(0), X25519MLKEM768);
            assertEquals(1216, offered.keyExchange().length, "ML-KEM-768 encapsulation key (1184) + X25519 key (32)");
            assertEquals("X25519MLKEM768, x25519", n.trace.fieldsByMessage.get("C>S ClientHello").get("key_share"));
            assertEquals("X25519MLKEM768", n.trace.fieldsByMessage.get("S>C ServerHello").get("key_share"));
            assertTrue(n.statusLine.contains(" 200"), n.statusLine + "\n" + server.output());
        }
    }

    /** OpenSSL 3.0 does not know the group (3.5 does): s_server and nginx refuse the configuration rather than offer it. */
    @ParameterizedTest(name = "{0} cannot be told to accept X25519MLKEM768")
    @EnumSource(names = {"OPENSSL", "NGINX"})
    void openSsl30AndNginxOnItCannotOfferTheHybridGroup(InteropPeer peer) {
        assertFalse(peer.offersHybrid);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> peer.start(pki, List.of("TLSv1.3"), List.of("X25519MLKEM768", "x25519")).close());
        // OpenSSL 3.0's own words, which s_server prints and nginx puts in its error log.
        assertTrue(refused.getMessage().contains("group 'X25519MLKEM768' cannot be set"), refused.getMessage());
    }

    /** JDK 17 skips a group name it does not know (it has no ML-KEM): told to accept the hybrid, it uses x25519. */
    @Test
    void jdk17IgnoresTheHybridNameAndAgreesOnX25519WithoutHelloRetryRequest() throws Exception {
        assertFalse(InteropPeer.JDK.offersHybrid);
        try (InteropServer server = InteropPeer.JDK.start(pki, List.of("TLSv1.3"), List.of("X25519MLKEM768", "x25519"))) {
            assertClassicalX25519(succeed(InteropPeer.JDK, server), server);
        }
    }

    // ---- (b) classical groups only ----------------------------------------------------------------

    @ParameterizedTest(name = "{0} with x25519 and P-256 only → x25519 from the first ClientHello")
    @EnumSource(InteropPeer.class)
    void aServerRefusingTheHybridGroupTakesTheX25519ShareWithoutHelloRetryRequest(InteropPeer peer) throws Exception {
        try (InteropServer server = peer.start(pki, List.of("TLSv1.3"), List.of("x25519", "secp256r1"))) {
            assertClassicalX25519(succeed(peer, server), server);
        }
    }

    private static void assertClassicalX25519(Navigation n, InteropServer server) throws Exception {
        assertEquals("TLSv1.3", n.channel.info().version(), server.output());
        assertEquals("x25519", n.channel.info().group());
        assertEquals("ECDHE", n.channel.info().keyExchange());
        List<ServerHello> serverHellos = n.serverHellos();
        assertEquals(1, serverHellos.size(), "no HelloRetryRequest");
        KeyShareEntry answer = Extensions.decodeKeyShareServerHello(serverHellos.get(0).extension(ExtensionType.KEY_SHARE).data());
        assertEquals(X25519, answer.group());
        assertEquals(32, answer.keyExchange().length);
        // The first ClientHello did carry the hybrid share: the server passed over it.
        assertEquals(1216, share(n.clientHellos(1).get(0), X25519MLKEM768).keyExchange().length);
        assertFalse(n.trace.received.contains("HelloRetryRequest"), n.trace.received.toString());
        assertTrue(n.statusLine.contains(" 200"), n.statusLine + "\n" + server.output());
    }

    // ---- (c) P-256 only: HelloRetryRequest ---------------------------------------------------------

    @ParameterizedTest(name = "{0} with P-256 only → HelloRetryRequest, then secp256r1")
    @EnumSource(InteropPeer.class)
    void aP256OnlyServerGetsItsShareAfterHelloRetryRequest(InteropPeer peer) throws Exception {
        try (InteropServer server = peer.start(pki, List.of("TLSv1.3"), List.of("secp256r1"))) {
            Navigation n = succeed(peer, server);
            assertEquals("TLSv1.3", n.channel.info().version(), server.output());
            assertEquals("secp256r1", n.channel.info().group());
            List<ServerHello> serverHellos = n.serverHellos();
            assertEquals(2, serverHellos.size());
            ServerHello retry = serverHellos.get(0);
            assertTrue(retry.isHelloRetryRequest());
            assertEquals(SECP256R1, Extensions.decodeKeyShareHelloRetryRequest(retry.extension(ExtensionType.KEY_SHARE).data()));
            KeyShareEntry answer = Extensions.decodeKeyShareServerHello(serverHellos.get(1).extension(ExtensionType.KEY_SHARE).data());
            assertEquals(SECP256R1, answer.group());
            assertEquals(65, answer.keyExchange().length, "an uncompressed P-256 point");
            // RFC 8446 §4.1.2: the second ClientHello has one share, for the group asked for.
            List<ClientHello> hellos = n.clientHellos(2);
            List<KeyShareEntry> second = Extensions.decodeKeyShareClientHello(hellos.get(1).extension(ExtensionType.KEY_SHARE).data());
            assertEquals(List.of(SECP256R1), second.stream().map(KeyShareEntry::group).toList());
            assertEquals(65, second.get(0).keyExchange().length);
            assertTrue(n.statusLine.contains(" 200"), n.statusLine + "\n" + server.output());
        }
    }

    // ---- TLS 1.2 only: the browser's TLS 1.2 path -------------------------------------------------

    static Stream<Arguments> tls12Cases() {
        return Arrays.stream(InteropPeer.values()).flatMap(peer -> Stream.of(Arguments.of(peer, "x25519"), Arguments.of(peer, "secp256r1")));
    }

    /** With x25519 and P-256 the server takes x25519 (our first classical group); with P-256 alone, P-256. */
    @ParameterizedTest(name = "{0} with TLS 1.2 only, {1} → TLS 1.2 ECDHE over {1}")
    @MethodSource("tls12Cases")
    void aTls12OnlyServerIsReachedOverTheTls12EcdhePath(InteropPeer peer, String group) throws Exception {
        List<String> groups = group.equals("x25519") ? List.of("x25519", "secp256r1") : List.of("secp256r1");
        try (InteropServer server = peer.start(pki, List.of("TLSv1.2"), groups)) {
            Navigation n = succeed(peer, server);
            assertEquals("TLSv1.2", n.channel.info().version(), server.output());
            assertTrue(n.channel.info().cipherSuite().startsWith("TLS_ECDHE_RSA_WITH_"), n.channel.info().cipherSuite());
            assertEquals("ECDHE", n.channel.info().keyExchange());
            assertEquals(group, n.channel.info().group());
            List<HandshakeMessage> flight = WireTap.plaintextHandshake(n.wire.serverBytes(),
                    received -> received.get(received.size() - 1).typeCode() == 14); // up to ServerHelloDone
            ServerHello hello = ServerHello.decode(flight.get(0).body());
            assertEquals(0x0303, hello.legacyVersion());
            assertNull(hello.extension(ExtensionType.SUPPORTED_VERSIONS), "a TLS 1.2 ServerHello has no supported_versions");
            // ServerKeyExchange (RFC 8422 §5.4): curve_type named_curve (3), the group, the point.
            byte[] keyExchange = flight.stream().filter(m -> m.typeCode() == 12).findFirst().orElseThrow().body();
            assertEquals(3, keyExchange[0]);
            int curve = ((keyExchange[1] & 0xff) << 8) | (keyExchange[2] & 0xff);
            assertEquals(group.equals("x25519") ? X25519 : SECP256R1, curve);
            assertEquals(group.equals("x25519") ? 32 : 65, keyExchange[3] & 0xff);
            assertTrue(n.statusLine.contains(" 200"), n.statusLine + "\n" + server.output());
        }
    }

    // ---- no group in common -----------------------------------------------------------------------

    /**
     * A TLS 1.3-only server whose one group (P-521) we do not offer. Its handshake_failure, the
     * answer to our ClientHello, is Chromium's ERR_SSL_VERSION_OR_CIPHER_MISMATCH
     * (net/ssl/openssl_ssl_util.cc maps SSL_R_SSLV3_ALERT_HANDSHAKE_FAILURE so when BoringSSL
     * marked it SSL_R_HANDSHAKE_FAILURE_ON_CLIENT_HELLO); JDK 17's unexpected_message falls to
     * that function's default, ERR_SSL_PROTOCOL_ERROR, there and here.
     */
    @ParameterizedTest(name = "{0} with P-521 only → its alert, and the browser's error for it")
    @EnumSource(InteropPeer.class)
    void aServerWithOnlyAGroupWeDoNotOfferFailsWithItsAlert(InteropPeer peer) throws Exception {
        try (InteropServer server = peer.start(pki, List.of("TLSv1.3"), List.of("secp521r1"))) {
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> navigate(peer, server), server.output());
            Thread.sleep(200); // the server's own account of the failure may still be on its way to its log
            assertEquals(peer.alertWithoutCommonGroup, e.partial().alertReceived(), e.getMessage() + "\n" + server.output());
            assertEquals(peer.alertWithoutCommonGroup.equals("handshake_failure") ? NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH
                    : NetError.ERR_SSL_PROTOCOL_ERROR, e.error(), e.getMessage());
            assertNull(e.partial().version(), "no ServerHello came");
        }
    }

    // ---- one navigation ---------------------------------------------------------------------------

    /** A handshake, the bytes it crossed the wire with, and the status line of one GET. */
    private record Navigation(SecureChannel channel, RecordingTrace trace, WireTap wire, String statusLine) {

        /** The server's ServerHello messages up to the real one: [ServerHello] or [HelloRetryRequest, ServerHello]. */
        List<ServerHello> serverHellos() throws Exception {
            List<ServerHello> hellos = new ArrayList<>();
            for (HandshakeMessage m : WireTap.plaintextHandshake(wire.serverBytes(), InteropMatrixTest::endsWithRealServerHello)) {
                if (m.typeCode() == 2) {
                    hellos.add(ServerHello.decode(m.body()));
                }
            }
            return hellos;
        }

        /** The first {@code count} ClientHellos we sent. */
        List<ClientHello> clientHellos(int count) throws Exception {
            List<ClientHello> hellos = new ArrayList<>();
            for (HandshakeMessage m : WireTap.plaintextHandshake(wire.clientBytes(),
                    sent -> sent.stream().filter(x -> x.typeCode() == 1).count() == count)) {
                assertEquals(1, m.typeCode(), "only ClientHellos go in plaintext before the server's key is known");
                hellos.add(ClientHello.decode(m.body()));
            }
            return hellos;
        }
    }

    private static boolean endsWithRealServerHello(List<HandshakeMessage> received) {
        HandshakeMessage last = received.get(received.size() - 1);
        try {
            return last.typeCode() == 2 && !ServerHello.decode(last.body()).isHelloRetryRequest();
        } catch (Exception e) {
            throw new AssertionError("an undecodable ServerHello on the wire", e);
        }
    }

    /** {@link #navigate}, expected to succeed: a failure names what the server said. */
    private static Navigation succeed(InteropPeer peer, InteropServer server) throws Exception {
        try {
            return navigate(peer, server);
        } catch (HandshakeFailedException e) {
            Thread.sleep(200); // the server's own account of the failure may still be on its way to its log
            throw new AssertionError(e.getMessage() + "\n" + peer + " said: " + server.output(), e);
        }
    }

    private static Navigation navigate(InteropPeer peer, InteropServer server) throws Exception {
        RecordingTrace trace = new RecordingTrace();
        WireTap wire = new WireTap(SocketConnection.connect(server.port()));
        SecureChannel channel = new BrowserTlsClient().handshake(
                new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, Duration.ofSeconds(20)), wire,
                new TlsContext((request, t) -> new CertVerdict(true, null, null, null), MapSessionStore.off(), Instant.now(), null),
                trace);
        try {
            return new Navigation(channel, trace, wire, get(channel, peer.path()));
        } finally {
            channel.close();
        }
    }

    private static String get(SecureChannel channel, String path) throws IOException {
        channel.output().write(("GET " + path + " HTTP/1.1\r\nHost: " + TestPki.HOST + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder line = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\r'; b = channel.input().read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    private static KeyShareEntry share(ClientHello hello, int group) throws Exception {
        return Extensions.decodeKeyShareClientHello(hello.extension(ExtensionType.KEY_SHARE).data()).stream()
                .filter(s -> s.group() == group).findFirst()
                .orElseThrow(() -> new AssertionError("no key share for 0x" + Integer.toHexString(group)));
    }
}
