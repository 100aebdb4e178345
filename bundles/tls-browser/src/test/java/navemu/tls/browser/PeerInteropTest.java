package navemu.tls.browser;

import navemu.tls.core.testing.TestPki;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.MapSessionStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionStore;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.TlsRecord;

/** The browser client against openssl s_server (each version and key exchange) and a server that lies about its version. */
@Timeout(60)
class PeerInteropTest {

    private static SecureChannel connect(int port, SessionStore sessions, RecordingTrace trace) throws Exception {
        return new BrowserTlsClient().handshake(new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(10)),
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

    @ParameterizedTest(name = "{0} {1} with a {2} certificate → {3}")
    @CsvSource({
            "-tls1_3, TLS_AES_128_GCM_SHA256, RSA, TLS_AES_128_GCM_SHA256",
            "-tls1_2, ECDHE-RSA-AES128-GCM-SHA256, RSA, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "-tls1_2, ECDHE-RSA-CHACHA20-POLY1305, RSA, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "-tls1_2, ECDHE-ECDSA-AES256-GCM-SHA384, ECDSA, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "-tls1_2, AES128-GCM-SHA256, RSA, TLS_RSA_WITH_AES_128_GCM_SHA256",
    })
    void followsTheVersionAndSuiteOpensslPicks(String protocol, String cipher, TestPki.KeyType key, String expected) throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server interop test is skipped");
        try (OpenSslServer server = OpenSslServer.start(protocol, TestPki.create(key), cipher, null);
             SecureChannel channel = connect(server.port(), MapSessionStore.off(), new RecordingTrace())) {
            assertEquals(protocol.equals("-tls1_3") ? "TLSv1.3" : "TLSv1.2", channel.info().version(), server.output());
            assertEquals(expected, channel.info().cipherSuite());
            assertTrue(get(channel).contains(" 200"), server.output());
        }
    }

    /**
     * TLS 1.2 binds no curve to an ECDSA signature algorithm (RFC 5246 §7.4.1.4.1, RFC 8422
     * §5.10): with a P-384 certificate, s_server signs its ServerKeyExchange with whichever ECDSA
     * hash it is told among those we offer, SHA-256 included; OpenSSL, GnuTLS and the JDK clients accept all of them.
     */
    @ParameterizedTest(name = "TLS 1.2, P-384 certificate, ServerKeyExchange signed {0}")
    @CsvSource({"ECDSA+SHA256, ecdsa_secp256r1_sha256", "ECDSA+SHA384, ecdsa_secp384r1_sha384"})
    void aP384CertificateSignsTls12WithAnyEcdsaHash(String opensslSigalgs, String scheme) throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server interop test is skipped");
        RecordingTrace trace = new RecordingTrace();
        try (OpenSslServer server = OpenSslServer.start("-tls1_2", TestPki.createEcdsaP384(), "ECDHE-ECDSA-AES256-GCM-SHA384", null,
                "-sigalgs", opensslSigalgs);
             SecureChannel channel = connect(server.port(), MapSessionStore.off(), trace)) {
            assertEquals("TLSv1.2", channel.info().version(), server.output());
            assertEquals("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", channel.info().cipherSuite());
            assertEquals(scheme, trace.fieldsByMessage.get("S>C ServerKeyExchange").get("signature_algorithm"));
            assertTrue(get(channel).contains(" 200"), server.output());
        }
    }

    /** RFC 8446 §4.2.1: a server negotiating TLS 1.2 must not send supported_versions; one selecting 1.2 through it is lying. */
    @Test
    void aTls12ServerHelloWithSupportedVersionsIsIllegal() throws Exception {
        HandshakeFailedException e = scriptedServerHello(new ServerHello(0x0303, new byte[32], new byte[0], 0xC02F, 0,
                List.of(Extensions.selectedVersion(0x0303))));
        assertTrue(e.getMessage().contains("supported_versions"), e.getMessage());
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, e.error());
    }

    @Test
    void aTls11ServerIsAVersionMismatch() throws Exception {
        HandshakeFailedException e = scriptedServerHello(new ServerHello(0x0302, new byte[32], new byte[0], 0xC02F, 0, List.of()));
        assertEquals(NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH, e.error());
        assertTrue(e.getMessage().contains("protocol_version"), e.getMessage());
    }

    @Test
    void theDowngradeSentinelFromAScriptedServerIsIllegalParameter() throws Exception {
        byte[] random = new byte[32];
        System.arraycopy(ServerHello.DOWNGRADE_TLS12, 0, random, 24, 8);
        HandshakeFailedException e = scriptedServerHello(new ServerHello(0x0303, random, new byte[0], 0xC02F, 0, List.of()));
        assertEquals(NetError.ERR_TLS13_DOWNGRADE_DETECTED, e.error());
        assertTrue(e.getMessage().contains("downgrade") && e.getMessage().contains("illegal_parameter"), e.getMessage());
    }

    private static HandshakeFailedException scriptedServerHello(ServerHello sh) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout(10_000);
                    InputStream in = s.getInputStream();
                    byte[] header = in.readNBytes(5);
                    in.readNBytes(((header[3] & 0xff) << 8) | (header[4] & 0xff));
                    s.getOutputStream().write(new TlsRecord(ContentType.HANDSHAKE, 0x0303, sh.toMessage().encode()).encode());
                    s.getOutputStream().flush();
                    in.readNBytes(7);
                } catch (IOException ignored) {
                    // the client's exception is what the test checks
                }
            });
            server.start();
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                    () -> connect(listener.getLocalPort(), MapSessionStore.off(), new RecordingTrace()));
            server.join(10_000);
            return e;
        }
    }
}
