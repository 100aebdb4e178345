package navemu.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.hostile.ScriptedTls13Server.Break;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * Client-side MUSTs of the encrypted TLS 1.3 flight that tls-tls13-ecdhe's NegativeHandshakeTest
 * does not cover (it has tampered Finished and CertificateVerify, order, record sizes): a scripted
 * server breaks one rule, the test asserts the alert the client sends (RFC 8446 §4.4.2, §4.4.2.4,
 * §4.4.3, §4.4.4, §4.6.3).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EncryptedFlightMustTest {
    private static TestPki pki;

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.create(TestPki.KeyType.ECDSA);
    }

    @Test
    void theScriptedServerIsAValidPeerWhenItBreaksNothing() throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Break.NONE);
             SecureChannel channel = handshake(server)) {
            channel.output().write("GET / HTTP/1.1\r\n\r\n".getBytes());
            channel.output().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.input().transferTo(out);
            assertTrue(out.toString().endsWith("\r\n\r\nok"), out.toString());
        }
    }

    @Test
    void aCertificateVerifySchemeWeNeverOfferedIsIllegalParameter() throws Exception {
        assertRefused(Break.CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aCertificateVerifyWithAPkcs1SchemeIsIllegalParameter() throws Exception {
        assertRefused(Break.CERTIFICATE_VERIFY_PKCS1, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aCertificateVerifySchemeThatDoesNotFitTheKeyIsRefusedWithoutABugOfOurs() throws Exception {
        // RFC 8446 names no alert for it; BoringSSL sends illegal_parameter (wrong signature type),
        // a client that just tries the verification sends decrypt_error. Both refuse; neither may crash.
        Refusal r = refuse(Break.CERTIFICATE_VERIFY_SCHEME_FOR_ANOTHER_KEY);
        assertTrue(List.of(AlertDescription.ILLEGAL_PARAMETER, AlertDescription.DECRYPT_ERROR).contains(r.alert()),
                r.alert() + ": " + r.error().getMessage());
    }

    @Test
    void anEmptyServerCertificateIsADecodeError() throws Exception {
        assertRefused(Break.EMPTY_CERTIFICATE, AlertDescription.DECODE_ERROR);
    }

    @Test
    void aServerCertificateWithARequestContextIsIllegalParameter() throws Exception {
        assertRefused(Break.CERTIFICATE_REQUEST_CONTEXT, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void aFinishedOfTheWrongLengthIsADecodeError() throws Exception {
        assertRefused(Break.FINISHED_WRONG_LENGTH, AlertDescription.DECODE_ERROR);
    }

    @Test
    void aKeyUpdateWithAnUndefinedValueIsIllegalParameter() throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Break.KEY_UPDATE_INVALID_VALUE);
             SecureChannel channel = handshake(server)) {
            channel.output().write("GET / HTTP/1.1\r\n\r\n".getBytes());
            channel.output().flush();
            IOException e = assertThrows(IOException.class, () -> channel.input().read());
            assertNull(TlsFuzzer.runtimeCause(e), "a rule the server broke, not a bug of ours: " + e);
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, server.alertFromClient(), e.getMessage());
        }
    }

    /** How the handshake failed, and the alert the server received. */
    private record Refusal(NavigationException error, AlertDescription alert) {
    }

    private static void assertRefused(Break rule, AlertDescription expected) throws Exception {
        Refusal r = refuse(rule);
        assertEquals(expected, r.alert(), r.error().getMessage());
    }

    private static Refusal refuse(Break rule) throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, rule)) {
            NavigationException e = assertThrows(NavigationException.class, () -> handshake(server));
            assertNull(TlsFuzzer.runtimeCause(e), "a rule the server broke, not a bug of ours: " + e);
            return new Refusal(e, server.alertFromClient());
        }
    }

    private static SecureChannel handshake(ScriptedTls13Server server) throws Exception {
        TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, Duration.ofSeconds(5));
        TlsContext context = new TlsContext(new TestRootValidator(pki.root), MapSessionStore.off(), Instant.now(), null);
        return OwnTlsClient.TLS13_ECDHE.handshake(request, SocketConnection.connect(server.port()), context, new RecordingTrace());
    }
}
