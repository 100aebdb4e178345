package navemu.tls.browser;

import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.MapSessionStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import navemu.api.session.SessionStore;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.lab.LabWorld;

/** The browser client against the lab's origins: it follows the version each one picks. */
@Timeout(120)
class LabInteropTest {

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

    private static SecureChannel handshake(String host, RecordingTrace trace, SessionStore sessions) throws Exception {
        int port = lab.port(host);
        return new BrowserTlsClient().handshake(new TlsRequest(host, port, List.of("http/1.1"), null, Duration.ofSeconds(30)),
                SocketConnection.connect(port), new TlsContext((request, t) -> new CertVerdict(true, null, null, null),
                        sessions, Instant.now(), null), trace);
    }

    private static String statusLine(SecureChannel channel, String host) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder line = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\r'; b = channel.input().read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    /**
     * TlsInfo is immutable: each {@code info()} is a snapshot. A snapshot taken at the end of the
     * handshake stays as it was, and one taken after the response also shows the NewSessionTicket
     * read with it (the navigator takes that later one for the result).
     */
    @Test
    void infoIsASnapshotAndALaterOneShowsTheTicketsReadWithTheResponse() throws Exception {
        try (SecureChannel channel = handshake("resume.lab.test", new RecordingTrace(), MapSessionStore.memory())) {
            navemu.api.result.TlsInfo atHandshakeEnd = channel.info();
            assertTrue(statusLine(channel, "resume.lab.test").contains(" 200"));
            while (channel.input().read() >= 0) {
                // the rest of the response, until the server closes
            }
            assertFalse(atHandshakeEnd.messages().stream().anyMatch(m -> "NewSessionTicket".equals(m.type())));
            assertTrue(channel.info().messages().stream().anyMatch(m -> "NewSessionTicket".equals(m.type())),
                    channel.info().messages().toString());
            assertThrows(UnsupportedOperationException.class, () -> atHandshakeEnd.messages().clear());
        }
    }

    @Test
    void wwwIsTls13() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake("www.lab.test", trace, MapSessionStore.off())) {
            assertEquals("TLSv1.3", channel.info().version());
            assertTrue(statusLine(channel, "www.lab.test").contains(" 200"));
        }
        assertEquals("TLSv1.3, TLSv1.2", trace.fieldsByMessage.get("C>S ClientHello").get("supported_versions"));
        assertEquals(1, trace.roundTrips.size(), "TLS 1.3 full handshake: one round trip");
        assertEquals(1, trace.details.get("tlsRoundTripsBeforeRequest"));
    }

    /**
     * The lab's default server is Bouncy Castle 1.80's (ecc256.lab.test; www is BoringSSL's),
     * which does not know X25519MLKEM768: it takes the x25519 share we send beside the hybrid
     * one, and hrr.lab.test (P-256 only) asks for P-256 by HelloRetryRequest, answered with one
     * P-256 share.
     */
    @Test
    void bouncyCastle180WithoutTheHybridGroupTakesOurX25519ShareOrAsksForP256() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake("ecc256.lab.test", trace, MapSessionStore.off())) {
            assertEquals("x25519", channel.info().group());
            assertTrue(statusLine(channel, "ecc256.lab.test").contains(" 200"));
        }
        assertEquals("X25519MLKEM768, x25519", trace.fieldsByMessage.get("C>S ClientHello").get("key_share"));
        RecordingTrace hrr = new RecordingTrace();
        try (SecureChannel channel = handshake("hrr.lab.test", hrr, MapSessionStore.off())) {
            assertEquals("secp256r1", channel.info().group());
            assertTrue(statusLine(channel, "hrr.lab.test").contains(" 200"));
        }
        assertTrue(hrr.received.contains("HelloRetryRequest"), hrr.received.toString());
        assertEquals("secp256r1", hrr.fieldsByMessage.get("C>S ClientHello").get("key_share")); // the second hello's
    }

    @Test
    void tls12IsTls12WithEcdhe() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake("tls12.lab.test", trace, MapSessionStore.off())) {
            assertEquals("TLSv1.2", channel.info().version());
            assertTrue(channel.info().cipherSuite().startsWith("TLS_ECDHE_"), channel.info().cipherSuite());
            assertTrue(trace.received.contains("ServerKeyExchange"));
            assertTrue(statusLine(channel, "tls12.lab.test").contains(" 200"));
        }
        assertEquals(2, trace.roundTrips.size(), "TLS 1.2 full handshake: two round trips");
    }

    @Test
    void rsaIsTls12WithRsaKeyExchange() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake("rsa.lab.test", trace, MapSessionStore.off())) {
            assertEquals("TLSv1.2", channel.info().version());
            assertTrue(channel.info().cipherSuite().startsWith("TLS_RSA_WITH_"), channel.info().cipherSuite());
            assertTrue(statusLine(channel, "rsa.lab.test").contains(" 200"));
        }
    }

    @Test
    void tls12ResumesOnTheSecondVisit() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        try (SecureChannel channel = handshake("tls12.lab.test", new RecordingTrace(), sessions)) {
            assertTrue(statusLine(channel, "tls12.lab.test").contains(" 200"));
        }
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake("tls12.lab.test", trace, sessions)) {
            assertTrue(channel.info().resumed(), trace.infos.toString());
            assertTrue(statusLine(channel, "tls12.lab.test").contains(" 200"));
        }
        assertEquals(1, trace.roundTrips.size(), "TLS 1.2 abbreviated handshake: one round trip");
    }

    @Test
    void downgradeFailsOnTheSentinel() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                () -> handshake("downgrade.lab.test", trace, MapSessionStore.off()));
        assertEquals(NetError.ERR_TLS13_DOWNGRADE_DETECTED, e.error());
        assertTrue(e.getMessage().contains("downgrade"), e.getMessage());
        assertTrue(e.getMessage().contains("illegal_parameter"), e.getMessage());
        assertEquals(List.of("ClientHello", "ServerHello"), e.partial().messages().stream().map(m -> m.type()).toList());
        assertFalse(trace.sent.contains("Finished"));
    }

    @Test
    void resumeLabTestResumesWithATls13Ticket() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        RecordingTrace first = new RecordingTrace();
        try (SecureChannel channel = handshake("resume.lab.test", first, sessions)) {
            assertTrue(statusLine(channel, "resume.lab.test").contains(" 200"));
        }
        assertEquals("psk", sessions.entries.values().iterator().next().kind(), first.received.toString());
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake("resume.lab.test", trace, sessions)) {
            assertEquals("TLSv1.3", channel.info().version());
            assertTrue(channel.info().resumed(), trace.infos.toString());
            assertTrue(statusLine(channel, "resume.lab.test").contains(" 200"));
        }
        assertFalse(trace.received.contains("Certificate"));
        assertEquals(1, trace.roundTrips.size());
    }
}
