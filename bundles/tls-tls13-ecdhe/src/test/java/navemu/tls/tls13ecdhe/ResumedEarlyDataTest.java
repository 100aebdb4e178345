package navemu.tls.tls13ecdhe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.client.Tls13Client;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * 0-RTT resumes too, so it re-validates too: the stored chain goes to the active cert slot before
 * the early data would leave, and a rejection means the request is never sent.
 */
@Timeout(60)
class ResumedEarlyDataTest {

    @Test
    void aStoredChainTheCertSlotNowRejectsSendsNoEarlyDataAndFailsWithItsError() throws Exception {
        assumeTrue(OpenSslServer.binary() != null, "openssl is not installed: the s_server 0-RTT test is skipped");
        TestPki pki = TestPki.create(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, null, "-early_data")) {
            Exchange first = new Exchange(pki);
            TlsRequest shortWait = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, Duration.ofMillis(1500));
            try (var channel = new Tls13Client(Tls13ClientConfig.defaults()).handshake(shortWait,
                    SocketConnection.connect(server.port()), first.context(), first.trace)) {
                // s_server (without -www) only reads: our read takes in its tickets, then times out.
                assertThrows(java.net.SocketTimeoutException.class, () -> channel.input().read());
            }
            assertTrue(first.sessions.stored.values().iterator().next().maxEarlyData() > 0, "a ticket that allows 0-RTT");

            Exchange second = new Exchange(pki);
            second.sessions.stored.putAll(first.sessions.stored);
            byte[] early = "GET /private HTTP/1.1\r\nHost: server.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            TlsContext expiredNow = new TlsContext((request, trace) -> new CertVerdict(false, NetError.ERR_CERT_DATE_INVALID,
                    "the leaf expired (test)", null), second.sessions, Instant.now(), null);
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), early, Duration.ofSeconds(5)),
                            SocketConnection.connect(server.port()), expiredNow, second.trace));

            assertEquals(NetError.ERR_CERT_DATE_INVALID, e.error(), e.getMessage());
            assertTrue(second.trace.secrets.containsKey("psk_binder"), "the ticket was offered");
            assertFalse(second.trace.sent.contains("early data (0-RTT)"), "the request never left: " + second.trace.sent);
            assertTrue(second.trace.infos.stream().anyMatch(i -> i.contains("re-validating the stored chain")), second.trace.infos.toString());
        }
    }
}
