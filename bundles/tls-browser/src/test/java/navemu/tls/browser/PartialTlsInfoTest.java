package navemu.tls.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.result.TlsInfo;
import navemu.api.result.TlsMessage;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.lab.LabWorld;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;

/**
 * A handshake refused at the certificate still reports what the ServerHello settled (issue 13):
 * the version, suite and key exchange, ALPN when EncryptedExtensions came, the alert we sent and
 * why, and only the messages that really crossed the wire. The cert slot here refuses every
 * chain as expired, like a validator at the lab's expired sites.
 */
@Timeout(120)
class PartialTlsInfoTest {

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

    private static TlsInfo refusedAsExpired(String host) throws Exception {
        int port = lab.port(host);
        TlsContext context = new TlsContext((request, t) -> new CertVerdict(false, NetError.ERR_CERT_DATE_INVALID,
                "the leaf expired (test verdict)", null), MapSessionStore.off(), Instant.now(), null);
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient().handshake(
                new TlsRequest(host, port, List.of("http/1.1"), null, Duration.ofSeconds(30)),
                SocketConnection.connect(port), context, new RecordingTrace()));
        assertEquals(NetError.ERR_CERT_DATE_INVALID, e.error());
        return e.partial();
    }

    private static boolean has(TlsInfo tls, String dir, String type) {
        return tls.messages().stream().anyMatch(m -> m.dir().equals(dir) && m.type().equals(type));
    }

    @Test
    void aTls13HandshakeRefusedAtTheCertificateKeepsWhatTheServerHelloAndEncryptedExtensionsSettled() throws Exception {
        TlsInfo tls = refusedAsExpired("www.lab.test");
        assertEquals("TLSv1.3", tls.version());
        assertTrue(tls.cipherSuite().startsWith("TLS_"), tls.cipherSuite());
        // www.lab.test is BoringSSL's: it takes the hybrid X25519MLKEM768 share.
        assertEquals("X25519MLKEM768", tls.group());
        assertEquals("ML-KEM + ECDHE", tls.keyExchange());
        assertEquals("http/1.1", tls.alpn(), "ALPN came in EncryptedExtensions, before the Certificate");
        assertEquals("certificate_expired", tls.alertSent());
        assertTrue(tls.alertReason().contains("the leaf expired (test verdict)"), tls.alertReason());
        assertNull(tls.alertReceived());
        assertEquals("Certificate", tls.failedAt());
        assertTrue(has(tls, TlsMessage.SERVER_TO_CLIENT, "Certificate"));
        assertFalse(has(tls, TlsMessage.SERVER_TO_CLIENT, "CertificateVerify"), "the client stopped at the Certificate");
        assertFalse(has(tls, TlsMessage.CLIENT_TO_SERVER, "Finished"), "no Finished went out");
    }

    @Test
    void aTls12EcdheHandshakeRefusedAtTheCertificateHasItsSuiteButNoGroupYet() throws Exception {
        TlsInfo tls = refusedAsExpired("expired-tls12.lab.test");
        assertEquals("TLSv1.2", tls.version());
        assertTrue(tls.cipherSuite().startsWith("TLS_ECDHE_"), tls.cipherSuite());
        assertEquals("ECDHE", tls.keyExchange());
        assertNull(tls.group(), "TLS 1.2 names the group in ServerKeyExchange, which the client never handled");
        assertEquals("certificate_expired", tls.alertSent());
        assertEquals("Certificate", tls.failedAt());
        assertFalse(has(tls, TlsMessage.CLIENT_TO_SERVER, "ClientKeyExchange"), "no key exchange went out");
        assertFalse(has(tls, TlsMessage.CLIENT_TO_SERVER, "Finished"));
    }

    @Test
    void aServerHelloRefusedForTheDowngradeSentinelNegotiatedNothing() throws Exception {
        int port = lab.port("downgrade.lab.test");
        TlsContext context = new TlsContext((request, t) -> new CertVerdict(true, null, null, null), MapSessionStore.off(),
                Instant.now(), null);
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient().handshake(
                new TlsRequest("downgrade.lab.test", port, List.of("http/1.1"), null, Duration.ofSeconds(30)),
                SocketConnection.connect(port), context, new RecordingTrace()));
        TlsInfo tls = e.partial();
        assertNull(tls.version(), "the TLS 1.2 ServerHello was refused, so TLS 1.2 was not negotiated");
        assertNull(tls.cipherSuite());
        assertEquals("ServerHello", tls.failedAt());
        assertEquals("illegal_parameter", tls.alertSent());
        assertTrue(tls.alertReason().contains("downgrade"), tls.alertReason());
    }
}
