package navemu.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.KeyShareEntry;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * Scripted malicious servers, one test per client-side MUST about the ServerHello and the
 * HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4, §4.2, §4.2.1, §4.2.8; RFC 5246 §7.4.1.3, §7.4.1.4).
 * Each is a real server (the JDK's) behind a proxy that rewrites its ServerHello to break one
 * rule; the test asserts the alert our client puts on the wire and that the navigation fails.
 * The negative cases of the encrypted flight (tampered Finished and CertificateVerify, order,
 * record sizes) live with the clients: tls-tls13-ecdhe's NegativeHandshakeTest, tls-tls12-rsa's
 * and tls-browser's PeerInteropTest.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerHelloMustTest {
    private static final int UNKNOWN_EXTENSION = 0x5a5a;
    private static TestPki ecdsa;
    private static TestPki rsa;
    private static JdkHttpsServer tls13;
    private static JdkHttpsServer tls12Rsa;

    @BeforeAll
    static void startServers() throws Exception {
        ecdsa = TestPki.create(TestPki.KeyType.ECDSA);
        rsa = TestPki.create(TestPki.KeyType.RSA);
        tls13 = JdkHttpsServer.tls13(ecdsa);
        tls12Rsa = JdkHttpsServer.tls12("jdk-tls12-rsa", rsa, "TLS_RSA_WITH_AES_128_GCM_SHA256");
    }

    @AfterAll
    static void stopServers() {
        tls13.close();
        tls12Rsa.close();
    }

    // ---- the proxy is honest when it changes nothing ------------------------------------------

    @Test
    void anUnchangedServerHelloStillCompletesBothVersions() throws Exception {
        assertArrayEquals(tls13.expectedResponse(), complete(OwnTlsClient.TLS13_ECDHE, tls13, ecdsa));
        assertArrayEquals(tls12Rsa.expectedResponse(), complete(OwnTlsClient.TLS12_RSA, tls12Rsa, rsa));
    }

    // ---- TLS 1.3: ServerHello (RFC 8446 §4.1.3) -----------------------------------------------

    @Test
    void aSessionIdEchoThatIsNotOursIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> new ServerHello(sh.legacyVersion(), sh.random(),
                new byte[32], sh.cipherSuite(), 0, sh.extensions()));
    }

    @Test
    void aCompressionMethodOtherThanNullIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> new ServerHello(sh.legacyVersion(), sh.random(),
                sh.legacySessionIdEcho(), sh.cipherSuite(), 1, sh.extensions()));
    }

    @Test
    void aLegacyVersionOtherThanTls12IsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> new ServerHello(0x0304, sh.random(),
                sh.legacySessionIdEcho(), sh.cipherSuite(), 0, sh.extensions()));
    }

    @Test
    void aCipherSuiteWeDidNotOfferIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> new ServerHello(sh.legacyVersion(), sh.random(),
                sh.legacySessionIdEcho(), 0x1304, 0, sh.extensions()));
    }

    // ---- TLS 1.3: supported_versions (§4.2.1) ---------------------------------------------------

    @Test
    void aSelectedVersionWeDidNotOfferIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> replace(sh, Extensions.selectedVersion(0x0305)));
    }

    @Test
    void aSelectedVersionBelowTls13IsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> replace(sh, Extensions.selectedVersion(0x0303)));
    }

    // ---- TLS 1.3: key_share (§4.2.8, §4.2.8.2, §7.4.2) ------------------------------------------

    @Test
    void aKeyShareForAGroupWeSentNoShareForIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> replace(sh,
                Extensions.keyShareServerHello(new KeyShareEntry(NamedGroup.SECP384R1.code(), new byte[97]))));
    }

    @Test
    void anAllZeroX25519ShareIsRefused() throws Exception {
        // §7.4.2: the all-zero shared secret MUST be checked for and the handshake aborted.
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> replace(sh,
                Extensions.keyShareServerHello(new KeyShareEntry(NamedGroup.X25519.code(), new byte[32]))));
    }

    @Test
    void anX25519ShareOfTheWrongLengthIsRefused() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> replace(sh,
                Extensions.keyShareServerHello(new KeyShareEntry(NamedGroup.X25519.code(), new byte[31]))));
    }

    @Test
    void noKeyShareWithoutAPskIsMissingExtension() throws Exception {
        assertTls13Refused(AlertDescription.MISSING_EXTENSION, sh -> without(sh, ExtensionType.KEY_SHARE));
    }

    // ---- TLS 1.3: extensions (§4.2) -------------------------------------------------------------

    @Test
    void anExtensionWeDidNotOfferIsUnsupportedExtension() throws Exception {
        assertTls13Refused(AlertDescription.UNSUPPORTED_EXTENSION, sh -> with(sh, new Extension(UNKNOWN_EXTENSION, new byte[0])));
    }

    @Test
    void anOfferedExtensionThatBelongsInEncryptedExtensionsIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> with(sh, Extensions.alpn(List.of("http/1.1"))));
    }

    // ---- TLS 1.3: record boundaries (§5.1) ------------------------------------------------------

    @Test
    void aHandshakeMessageSpanningTheKeyChangeIsUnexpectedMessage() throws Exception {
        // The first bytes of an EncryptedExtensions header in the ServerHello's plaintext record:
        // "Handshake messages MUST NOT span key changes ... MUST terminate with unexpected_message".
        try (FlightRewritingProxy proxy = FlightRewritingProxy.serverHello(tls13.port(), sh -> sh, new byte[] {8, 0, 0})) {
            NavigationException e = assertThrows(NavigationException.class, () -> OwnTlsClient.TLS13_ECDHE.handshake(
                    request(proxy.port()), SocketConnection.connect(proxy.port()), context(ecdsa), new RecordingTrace()));
            assertEquals(null, TlsFuzzer.runtimeCause(e), "a rule the server broke, not a bug of ours: " + e);
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, proxy.alertFromClient(), e.getMessage());
        }
    }

    // ---- TLS 1.3: HelloRetryRequest (§4.1.4, §4.2.8) --------------------------------------------

    @Test
    void aHelloRetryRequestForAGroupWeAlreadySentIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> helloRetryRequest(sh,
                Extensions.keyShareHelloRetryRequest(NamedGroup.X25519.code())));
    }

    @Test
    void aHelloRetryRequestForAGroupWeDoNotSupportIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> helloRetryRequest(sh,
                Extensions.keyShareHelloRetryRequest(0x0100))); // ffdhe2048: never in our supported_groups
    }

    @Test
    void aHelloRetryRequestThatAsksForNothingIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> helloRetryRequest(sh));
    }

    @Test
    void aHelloRetryRequestWithASuiteWeDidNotOfferIsIllegalParameter() throws Exception {
        assertTls13Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> {
            ServerHello hrr = helloRetryRequest(sh, Extensions.keyShareHelloRetryRequest(NamedGroup.SECP256R1.code()));
            return new ServerHello(hrr.legacyVersion(), hrr.random(), hrr.legacySessionIdEcho(), 0x1304, 0, hrr.extensions());
        });
    }

    @Test
    void aHelloRetryRequestWithAnExtensionWeDidNotOfferIsUnsupportedExtension() throws Exception {
        assertTls13Refused(AlertDescription.UNSUPPORTED_EXTENSION, sh -> helloRetryRequest(sh,
                Extensions.keyShareHelloRetryRequest(NamedGroup.SECP256R1.code()), new Extension(UNKNOWN_EXTENSION, new byte[0])));
    }

    // ---- TLS 1.2 (RFC 5246 §7.4.1.3, §7.4.1.4) ---------------------------------------------------

    @Test
    void tls12AnExtensionWeDidNotOfferIsUnsupportedExtension() throws Exception {
        assertTls12Refused(AlertDescription.UNSUPPORTED_EXTENSION, sh -> with(sh, new Extension(UNKNOWN_EXTENSION, new byte[0])));
    }

    @Test
    void tls12AKeyShareNeverOfferedByATls12OnlyClientIsUnsupportedExtension() throws Exception {
        assertTls12Refused(AlertDescription.UNSUPPORTED_EXTENSION, sh -> with(sh,
                Extensions.keyShareServerHello(new KeyShareEntry(NamedGroup.X25519.code(), new byte[32]))));
    }

    @Test
    void tls12ACompressionMethodWeDidNotOfferIsIllegalParameter() throws Exception {
        assertTls12Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> new ServerHello(sh.legacyVersion(), sh.random(),
                sh.legacySessionIdEcho(), sh.cipherSuite(), 1, sh.extensions()));
    }

    @Test
    void tls12ACipherSuiteWeDidNotOfferIsIllegalParameter() throws Exception {
        assertTls12Refused(AlertDescription.ILLEGAL_PARAMETER, sh -> new ServerHello(sh.legacyVersion(), sh.random(),
                sh.legacySessionIdEcho(), 0xc02f, 0, sh.extensions())); // ECDHE_RSA_WITH_AES_128_GCM_SHA256
    }

    @Test
    void tls12AServerVersionBelowTls12IsProtocolVersion() throws Exception {
        NavigationException e = assertTls12Refused(AlertDescription.PROTOCOL_VERSION, sh -> new ServerHello(0x0301, sh.random(),
                sh.legacySessionIdEcho(), sh.cipherSuite(), 0, sh.extensions()));
        assertEquals(NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH, e.error());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static NavigationException assertTls13Refused(AlertDescription expected, FlightRewritingProxy.Rewrite rewrite)
            throws Exception {
        return assertRefused(OwnTlsClient.TLS13_ECDHE, tls13, ecdsa, expected, rewrite);
    }

    private static NavigationException assertTls12Refused(AlertDescription expected, FlightRewritingProxy.Rewrite rewrite)
            throws Exception {
        return assertRefused(OwnTlsClient.TLS12_RSA, tls12Rsa, rsa, expected, rewrite);
    }

    private static NavigationException assertRefused(OwnTlsClient client, JdkHttpsServer server, TestPki pki,
                                                     AlertDescription expected, FlightRewritingProxy.Rewrite rewrite)
            throws Exception {
        try (FlightRewritingProxy proxy = FlightRewritingProxy.serverHello(server.port(), rewrite)) {
            NavigationException e = assertThrows(NavigationException.class, () -> client.handshake(request(proxy.port()),
                    SocketConnection.connect(proxy.port()), context(pki), new RecordingTrace()));
            assertTrue(e instanceof HandshakeFailedException, "a HandshakeFailedException keeps what was learned: " + e);
            assertEquals(null, TlsFuzzer.runtimeCause(e), "a rule the server broke, not a bug of ours: " + e);
            assertEquals(expected, proxy.alertFromClient(), "the alert on the wire; the client said: " + e.getMessage());
            assertTrue(e.getMessage().contains("sent " + expected.rfcName() + " alert"), e.getMessage());
            return e;
        }
    }

    private static byte[] complete(OwnTlsClient client, JdkHttpsServer server, TestPki pki) throws Exception {
        try (FlightRewritingProxy proxy = FlightRewritingProxy.serverHello(server.port(), sh -> sh);
             SecureChannel channel = client.handshake(request(proxy.port()), SocketConnection.connect(proxy.port()),
                     context(pki), new RecordingTrace())) {
            channel.output().write(server.request());
            channel.output().flush();
            InputStream in = channel.input();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static TlsRequest request(int port) {
        return new TlsRequest(TestPki.HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(5));
    }

    private static TlsContext context(TestPki pki) {
        return new TlsContext(new TestRootValidator(pki.root), MapSessionStore.off(), Instant.now(), null);
    }

    /** {@code sh} with {@code extension} in place of the one of the same type. */
    private static ServerHello replace(ServerHello sh, Extension extension) {
        return with(without(sh, extension.type()), extension);
    }

    private static ServerHello with(ServerHello sh, Extension extension) {
        List<Extension> all = new ArrayList<>(sh.extensions());
        all.add(extension);
        return new ServerHello(sh.legacyVersion(), sh.random(), sh.legacySessionIdEcho(), sh.cipherSuite(),
                sh.legacyCompressionMethod(), all);
    }

    private static ServerHello without(ServerHello sh, int type) {
        return new ServerHello(sh.legacyVersion(), sh.random(), sh.legacySessionIdEcho(), sh.cipherSuite(),
                sh.legacyCompressionMethod(), sh.extensions().stream().filter(e -> e.type() != type).toList());
    }

    /** The server's ServerHello turned into a HelloRetryRequest with supported_versions and {@code extensions}. */
    private static ServerHello helloRetryRequest(ServerHello sh, Extension... extensions) {
        List<Extension> all = new ArrayList<>(List.of(Extensions.selectedVersion(0x0304)));
        all.addAll(List.of(extensions));
        return new ServerHello(0x0303, ServerHello.HELLO_RETRY_REQUEST_RANDOM, sh.legacySessionIdEcho(), sh.cipherSuite(), 0, all);
    }
}
