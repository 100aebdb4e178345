package navemu.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.ServerKeyExchangeEcdhe;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * Client-side MUSTs of the server's TLS 1.2 first flight (RFC 5246 §7.4, RFC 8422 §5.4), which is
 * sent in the clear: the JDK's TLS 1.2 ECDHE server behind a proxy that rewrites one message; the
 * browser client (the one that offers ECDHE in TLS 1.2) must send the alert each rule names.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Tls12FlightMustTest {
    private static TestPki pki;
    private static JdkHttpsServer server;

    @BeforeAll
    static void startServer() throws Exception {
        pki = TestPki.create(TestPki.KeyType.ECDSA);
        server = JdkHttpsServer.tls12("jdk-tls12-ecdhe", pki, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void anUnchangedFlightCompletes() throws Exception {
        try (FlightRewritingProxy proxy = FlightRewritingProxy.flight(server.port(), HandshakeMessage::encode);
             SecureChannel channel = handshake(proxy)) {
            channel.output().write(server.request());
            channel.output().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.input().transferTo(out);
            assertArrayEquals(server.expectedResponse(), out.toByteArray());
        }
    }

    @Test
    void aServerKeyExchangeOnACurveWeDidNotOfferIsIllegalParameter() throws Exception {
        assertRefused(AlertDescription.ILLEGAL_PARAMETER, HandshakeType.SERVER_KEY_EXCHANGE, ske -> {
            ServerKeyExchangeEcdhe real = ServerKeyExchangeEcdhe.decode(ske.body());
            return new ServerKeyExchangeEcdhe(0x0019, real.point(), real.signatureAlgorithm(), real.signature()).toMessage().encode();
        });
    }

    @Test
    void aServerKeyExchangeSignedWithASchemeWeDidNotOfferIsIllegalParameter() throws Exception {
        assertRefused(AlertDescription.ILLEGAL_PARAMETER, HandshakeType.SERVER_KEY_EXCHANGE, ske -> {
            ServerKeyExchangeEcdhe real = ServerKeyExchangeEcdhe.decode(ske.body());
            return new ServerKeyExchangeEcdhe(real.namedCurve(), real.point(), 0x0203, real.signature()).toMessage().encode();
        });
    }

    @Test
    void aServerKeyExchangeSchemeThatDoesNotMatchTheSuiteIsIllegalParameter() throws Exception {
        assertRefused(AlertDescription.ILLEGAL_PARAMETER, HandshakeType.SERVER_KEY_EXCHANGE, ske -> {
            ServerKeyExchangeEcdhe real = ServerKeyExchangeEcdhe.decode(ske.body());
            return new ServerKeyExchangeEcdhe(real.namedCurve(), real.point(), SignatureScheme.RSA_PSS_RSAE_SHA256.code(),
                    real.signature()).toMessage().encode();
        });
    }

    @Test
    void aServerKeyExchangeForAnotherKeyIsADecryptError() throws Exception {
        // The server's signature stays; the key it signed is changed: the signature no longer verifies.
        assertRefused(AlertDescription.DECRYPT_ERROR, HandshakeType.SERVER_KEY_EXCHANGE, ske -> {
            ServerKeyExchangeEcdhe real = ServerKeyExchangeEcdhe.decode(ske.body());
            byte[] point = real.point().clone();
            point[point.length - 1] ^= 1;
            return new ServerKeyExchangeEcdhe(real.namedCurve(), point, real.signatureAlgorithm(), real.signature()).toMessage().encode();
        });
    }

    @Test
    void aServerHelloDoneWithABodyIsADecodeError() throws Exception {
        assertRefused(AlertDescription.DECODE_ERROR, HandshakeType.SERVER_HELLO_DONE,
                done -> HandshakeMessage.of(HandshakeType.SERVER_HELLO_DONE, new byte[] {0}).encode());
    }

    @Test
    void anEmptyServerCertificateIsADecodeError() throws Exception {
        assertRefused(AlertDescription.DECODE_ERROR, HandshakeType.CERTIFICATE,
                cert -> HandshakeMessage.of(HandshakeType.CERTIFICATE, new byte[] {0, 0, 0}).encode());
    }

    @Test
    void aServerKeyExchangeBeforeTheCertificateIsAnUnexpectedMessage() throws Exception {
        // Holds the Certificate back and sends it after the ServerKeyExchange (RFC 5246 §7.4: the order is fixed).
        byte[][] held = new byte[1][];
        assertRefused(AlertDescription.UNEXPECTED_MESSAGE, null, m -> {
            if (m.type() == HandshakeType.CERTIFICATE) {
                held[0] = m.encode();
                return new byte[0];
            }
            if (m.type() == HandshakeType.SERVER_KEY_EXCHANGE) {
                return RecordMutation.concat(m.encode(), held[0]);
            }
            return m.encode();
        });
    }

    private static void assertRefused(AlertDescription expected, HandshakeType target,
                                      FlightRewritingProxy.MessageRewrite rewrite) throws Exception {
        FlightRewritingProxy.MessageRewrite only = target == null ? rewrite
                : m -> m.type() == target ? rewrite.apply(m) : m.encode();
        try (FlightRewritingProxy proxy = FlightRewritingProxy.flight(server.port(), only)) {
            NavigationException e = assertThrows(NavigationException.class, () -> handshake(proxy));
            assertNull(TlsFuzzer.runtimeCause(e), "a rule the server broke, not a bug of ours: " + e);
            assertEquals(expected, proxy.alertFromClient(), e.getMessage());
        }
    }

    private static SecureChannel handshake(FlightRewritingProxy proxy) throws Exception {
        TlsRequest request = new TlsRequest(TestPki.HOST, proxy.port(), List.of("http/1.1"), null, Duration.ofSeconds(5));
        TlsContext context = new TlsContext(new TestRootValidator(pki.root), MapSessionStore.off(), Instant.now(), null);
        return OwnTlsClient.BROWSER.handshake(request, SocketConnection.connect(proxy.port()), context, new RecordingTrace());
    }
}
