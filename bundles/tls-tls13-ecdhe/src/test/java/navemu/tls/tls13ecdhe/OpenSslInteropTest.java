package navemu.tls.tls13ecdhe;

import navemu.tls.core.testing.TestPki;
import navemu.tls.core.testing.OpenSslServer;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.client.Tls13Client;
import navemu.api.tls.TlsRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import navemu.api.session.SessionKey;
import navemu.tls.core.crypto.Tls13CipherSuite;

/**
 * Interop with a third, independent implementation: {@code openssl s_server -tls1_3}, for each
 * cipher suite, x25519 and P-256 (which costs a HelloRetryRequest, as we send an x25519 share
 * first), and RSA and ECDSA certificates. Skipped, saying why, where OpenSSL is not installed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenSslInteropTest {
    private static final Map<TestPki.KeyType, TestPki> PKI = new EnumMap<>(TestPki.KeyType.class);

    @BeforeAll
    static void needOpenSsl() {
        Assumptions.assumeTrue(OpenSslServer.binary() != null,
                "openssl is not installed (looked in /usr/bin, /usr/local/bin and PATH): OpenSSL interop tests skipped");
        for (TestPki.KeyType t : TestPki.KeyType.values()) {
            PKI.put(t, TestPki.create(t));
        }
    }

    static Stream<Arguments> suitesGroupsAndKeys() {
        List<Arguments> out = new ArrayList<>();
        for (Tls13CipherSuite suite : Tls13CipherSuite.values()) {
            for (String group : new String[] {"X25519", "P-256"}) {
                for (TestPki.KeyType key : TestPki.KeyType.values()) {
                    out.add(Arguments.of(suite, group, key));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, {2} certificate")
    @MethodSource("suitesGroupsAndKeys")
    void fullHandshakeWithOpenSsl(Tls13CipherSuite suite, String group, TestPki.KeyType key) throws Exception {
        TestPki pki = PKI.get(key);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, suite.name(), group)) {
            Exchange x;
            try {
                x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            } catch (Exception e) {
                throw new AssertionError("handshake with openssl failed: " + e + "\ns_server said:\n" + server.output(), e);
            }
            assertTrue(x.response.startsWith("HTTP/1.0 200 ok"), x.response);
            assertTrue(x.response.contains("Ciphers supported"), "s_server -www answered with its status page");
            var info = x.channel.info();
            assertEquals("TLSv1.3", info.version());
            assertEquals(suite.name(), info.cipherSuite());
            assertEquals("http/1.1", info.alpn());
            boolean p256 = group.equals("P-256");
            assertEquals(p256 ? "secp256r1" : "x25519", info.group());
            assertEquals(p256 ? 2 : 1, x.trace.roundTrips.size());
            assertEquals(p256, info.messages().stream().anyMatch(m -> m.type().equals("HelloRetryRequest")));
            // OpenSSL sends two NewSessionTickets after the handshake; the last one is kept.
            assertTrue(info.messages().stream().anyMatch(m -> m.type().equals("NewSessionTicket")));
            assertEquals("psk", x.sessions.stored.get(new SessionKey(TestPki.HOST, server.port(), TestPki.HOST)).kind());
        }
    }

    @Test
    void aStapledOcspResponseReachesTheCertSlot() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        byte[] ocsp = pki.ocspResponseGood();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("navemu-ocsp", ".der");
        java.nio.file.Files.write(file, ocsp);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, null, "-status_file", file.toString())) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            org.junit.jupiter.api.Assertions.assertArrayEquals(ocsp, x.validator.lastRequest.stapledOcsp(),
                    "status_request in the ClientHello; the OCSPResponse from the leaf's CertificateEntry (RFC 8446 §4.4.2.1)");
            assertEquals(ocsp.length + " bytes", x.trace.fieldsByMessage.get("S>C Certificate").get("stapled_ocsp"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void anEd25519ServerCertificate() throws Exception {
        TestPki pki = TestPki.createEd25519();
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, null)) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            assertEquals("ed25519", x.trace.fieldsByMessage.get("S>C CertificateVerify").get("algorithm"));
            assertTrue(x.response.startsWith("HTTP/1.0 200 ok"), x.response);
        }
    }

    @Test
    void aServerAskingForAClientCertificateGetsAnEmptyOne() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        // -verify (not -Verify): the server asks, but goes on without a client certificate.
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, null, "-verify", "1")) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            assertTrue(x.trace.received.contains("CertificateRequest"));
            assertEquals("0 (no client certificate)", x.trace.fieldsByMessage.get("C>S Certificate").get("certificates"));
            assertTrue(x.response.startsWith("HTTP/1.0 200 ok"), x.response);
        }
    }

    @Test
    void secp384r1AfterHelloRetryRequest() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, "P-384")) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            assertEquals("secp384r1", x.channel.info().group());
            assertEquals(2, x.trace.roundTrips.size());
        }
    }

    @Test
    void noCommonGroupIsAHandshakeFailureFromTheServer() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, "P-521")) {
            Exchange x = new Exchange(pki);
            var e = org.junit.jupiter.api.Assertions.assertThrows(navemu.api.NavigationException.class,
                    () -> x.run(Tls13ClientConfig.defaults(), server.port()));
            assertEquals(navemu.api.NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH, e.error(), e.getMessage());
            assertTrue(e.getMessage().contains("handshake_failure"), e.getMessage());
        }
    }

    /** RFC 8446 §2.2: the second connection offers the first one's ticket; openssl accepts it (psk_dhe_ke). */
    @Test
    void secondConnectionResumesWithTheTicketOfTheFirst() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, null)) {
            Exchange first = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            assertTrue(first.trace.received.contains("NewSessionTicket"), "openssl sends tickets after the handshake");
            assertEquals(1, first.sessions.stored.size());
            byte[] firstTicket = first.sessions.stored.values().iterator().next().ticket();

            Exchange second = new Exchange(pki);
            second.sessions.stored.putAll(first.sessions.stored);
            second.run(Tls13ClientConfig.defaults(), server.port());
            assertTrue(second.channel.info().resumed(), second.trace.infos + "\n" + server.output());
            assertTrue(second.response.startsWith("HTTP/1.0 200 ok"), second.response);
            assertFalse(second.trace.received.contains("Certificate"), "a PSK handshake has no Certificate");
            assertEquals(1, second.trace.roundTrips.size(), "TLS 1.3 resumed without 0-RTT: still one round trip");
            assertTrue(second.trace.secrets.containsKey("psk_binder"));
            byte[] now = second.sessions.stored.values().iterator().next().ticket();
            assertFalse(java.util.Arrays.equals(firstTicket, now), "the used ticket was taken; the store holds the new connection's");
        }
    }

    /**
     * RFC 8446 §2.3: with a ticket that allows early data, the request goes out with the
     * ClientHello; openssl (-early_data) accepts it, and the handshake completes with our
     * EndOfEarlyData under the early keys — which the server would refuse if either were wrong.
     */
    @Test
    void zeroRttRequestIsAcceptedByOpensslWithEarlyData() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, null, "-early_data")) {
            Exchange first = new Exchange(pki);
            TlsRequest shortWait = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, java.time.Duration.ofMillis(1500));
            try (var channel = new Tls13Client(Tls13ClientConfig.defaults()).handshake(shortWait,
                    SocketConnection.connect(server.port()), first.context(), first.trace)) {
                // s_server (without -www) only reads: our read takes in its tickets, then times out.
                assertThrows(java.net.SocketTimeoutException.class, () -> channel.input().read());
            }
            assertEquals(1, first.sessions.stored.size(), "a ticket was stored: " + first.trace.received);
            assertTrue(first.sessions.stored.values().iterator().next().maxEarlyData() > 0, "openssl -early_data allows 0-RTT");

            Exchange second = new Exchange(pki);
            second.sessions.stored.putAll(first.sessions.stored);
            byte[] early = "GET /early HTTP/1.1\r\nHost: server.test\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            TlsRequest withEarlyData = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), early, java.time.Duration.ofSeconds(5));
            try (var channel = new Tls13Client(Tls13ClientConfig.defaults()).handshake(withEarlyData,
                    SocketConnection.connect(server.port()), second.context(), second.trace)) {
                assertTrue(channel.info().resumed(), second.trace.infos.toString());
                assertTrue(channel.earlyDataAccepted(), second.trace.infos + "\n" + server.output());
                assertTrue(channel.info().earlyData());
            }
            assertTrue(second.trace.sent.contains("early data (0-RTT)"));
            assertTrue(second.trace.sent.contains("EndOfEarlyData"));
            assertTrue(second.keyLog.containsKey("CLIENT_EARLY_TRAFFIC_SECRET"));
            assertEquals(1, second.trace.roundTrips.size());
        }
    }

    @Test
    void aTicketOpensslDoesNotKnowFallsBackToAFullHandshake() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, null)) {
            Exchange x = new Exchange(pki);
            SessionKey key = new SessionKey(TestPki.HOST, server.port(), TestPki.HOST);
            x.sessions.put(key, new navemu.api.session.StoredSession("TLSv1.3", "psk", "TLS_AES_128_GCM_SHA256", null,
                    new byte[100], new byte[32], java.time.Instant.now(), java.time.Duration.ofHours(1), 12345, 0, "http/1.1", false,
                    navemu.tls.core.testing.StoredChain.placeholder()));
            x.run(Tls13ClientConfig.defaults(), server.port());
            assertFalse(x.channel.info().resumed());
            assertTrue(x.response.startsWith("HTTP/1.0 200 ok"), x.response);
            assertTrue(x.trace.secrets.containsKey("psk_binder"), "the ticket was offered");
            assertTrue(x.trace.received.contains("Certificate"), "full handshake");
            assertFalse(java.util.Arrays.equals(new byte[100], x.sessions.stored.get(key).ticket()), "the used ticket is gone; the new one is stored");
        }
    }

    /** RFC 8446 §4.1.2: after a HelloRetryRequest the PSK binder is recomputed over the new transcript; openssl still resumes. */
    @Test
    void resumptionSurvivesAHelloRetryRequest() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        try (OpenSslServer server = OpenSslServer.start("-tls1_3", pki, null, "P-256")) {
            Exchange first = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            assertEquals(1, first.sessions.stored.size());
            Exchange second = new Exchange(pki);
            second.sessions.stored.putAll(first.sessions.stored);
            second.run(Tls13ClientConfig.defaults(), server.port());
            assertTrue(second.trace.received.contains("HelloRetryRequest"));
            assertTrue(second.channel.info().resumed(), second.trace.infos + "\n" + server.output());
            assertTrue(second.response.startsWith("HTTP/1.0 200 ok"), second.response);
            assertEquals(2, second.trace.roundTrips.size());
        }
    }
}
