package navemu.tls.boringssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.NetError;
import navemu.api.cert.CertificateValidator;
import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.lab.LabWorld;

/**
 * BoringSSL's client (through Conscrypt) against the lab's origins: BoringSSL's own server
 * (www, boring, pq, classic) and Bouncy Castle's (ecc256, hrr, expired). Real interoperation on loopback.
 */
@Timeout(120)
class BoringSslLabInteropTest {

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

    private static final SessionStore NO_SESSIONS = new SessionStore() {
        @Override public Optional<StoredSession> find(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public Optional<StoredSession> take(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public void put(SessionKey key, StoredSession session) { }
        @Override public void remove(SessionKey key) { }
        @Override public List<Entry> list(Instant now) { return List.of(); }
        @Override public void clear() { }
    };

    private static final CertificateValidator ACCEPT_ALL = (request, trace) -> new CertVerdict(true, null, null, null);

    /** Offers http/1.1 alone: these tests speak HTTP/1.1 on the channel (the lab's BoringSSL sites also speak h2). */
    private SecureChannel handshake(String host, RecordingTrace trace, CertificateValidator validator) throws Exception {
        return handshake(host, trace, validator, List.of("http/1.1"));
    }

    private SecureChannel handshake(String host, RecordingTrace trace, CertificateValidator validator, List<String> alpn)
            throws Exception {
        int port = lab.port(host);
        return new BoringSslTlsClient().handshake(new TlsRequest(host, port, alpn, null, Duration.ofSeconds(30)),
                SocketConnection.to(port), new TlsContext(validator, NO_SESSIONS, Instant.now(), null), trace);
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

    @Test
    void boringSslToBoringSslSpeaksTls13OffersMlKemAndAnswersGet() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        List<byte[]> chain = new ArrayList<>();
        try (SecureChannel channel = handshake("boring.lab.test", trace, (request, t) -> {
            chain.addAll(request.chain());
            return new CertVerdict(true, null, null, null);
        })) {
            assertEquals("TLSv1.3", channel.info().version());
            assertEquals("http/1.1", channel.info().alpn(), "the one protocol offered");
            assertTrue(trace.sent.get("ClientHello").get("key_share").contains("X25519MLKEM768"),
                    trace.sent.get("ClientHello").toString());
            assertEquals(1, trace.roundTrips.size(), trace.roundTrips.toString());
            assertTrue(chain.size() >= 2, "leaf and intermediate reached the cert slot: " + chain.size());
            assertFalse(channel.info().resumed());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "boring.lab.test"));
        }
    }

    @Test
    void pqAgreesOnX25519MlKem768AndClassicOnX25519() throws Exception {
        try (SecureChannel channel = handshake("pq.lab.test", new RecordingTrace(), ACCEPT_ALL)) {
            assertEquals("X25519MLKEM768", channel.info().group());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "pq.lab.test"));
        }
        try (SecureChannel channel = handshake("classic.lab.test", new RecordingTrace(), ACCEPT_ALL)) {
            assertEquals("x25519", channel.info().group());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "classic.lab.test"));
        }
    }

    @Test
    void bouncyCastlesServerInteroperatesToo() throws Exception {
        try (SecureChannel channel = handshake("ecc256.lab.test", new RecordingTrace(), ACCEPT_ALL)) {
            assertEquals("TLSv1.3", channel.info().version());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "ecc256.lab.test"));
        }
    }

    @Test
    void aP256OnlyServerAsksForAnotherKeyShare() throws Exception {
        // BoringSSL sends shares for its first groups (X25519MLKEM768, x25519): hrr.lab.test wants P-256.
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake("hrr.lab.test", trace, ACCEPT_ALL)) {
            assertEquals("secp256r1", channel.info().group());
            assertTrue(channel.info().messages().stream().anyMatch(m -> m.type().equals("HelloRetryRequest")),
                    channel.info().messages().toString());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "hrr.lab.test"));
        }
    }

    @Test
    void theCertSlotsRejectionIsTheNavigationsError() {
        HandshakeFailedException failure = assertThrows(HandshakeFailedException.class,
                () -> handshake("expired.lab.test", new RecordingTrace(),
                        (request, t) -> new CertVerdict(false, NetError.ERR_CERT_DATE_INVALID, "expired", null)));
        assertEquals(NetError.ERR_CERT_DATE_INVALID, failure.error());
    }

    @Test
    void theDowngradeSentinelIsChromesTls13DowngradeDetected() {
        // downgrade.lab.test supports TLS 1.3 but answers TLS 1.2 with DOWNGRD 01 in its random.
        HandshakeFailedException failure = assertThrows(HandshakeFailedException.class,
                () -> handshake("downgrade.lab.test", new RecordingTrace(), ACCEPT_ALL));
        assertEquals(NetError.ERR_TLS13_DOWNGRADE_DETECTED, failure.error(), failure.getMessage());
    }

    @Test
    void aSecondVisitIsAFullHandshakeAgainBecauseEachUsesAFreshContext() throws Exception {
        for (int visit = 1; visit <= 2; visit++) {
            RecordingTrace trace = new RecordingTrace();
            try (SecureChannel channel = handshake("boring.lab.test", trace, ACCEPT_ALL)) {
                assertEquals("HTTP/1.1 200 OK", statusLine(channel, "boring.lab.test"));
                assertFalse(trace.sent.get("ClientHello").get("extensions").contains("pre_shared_key"),
                        "visit " + visit + " offered no ticket: " + trace.sent.get("ClientHello"));
                assertFalse(channel.info().resumed());
            }
        }
    }

    @Test
    void offeredH2AndHttp11TheLabsBoringSslSiteSelectsH2() throws Exception {
        try (SecureChannel channel = handshake("boring.lab.test", new RecordingTrace(), ACCEPT_ALL, List.of("h2", "http/1.1"))) {
            assertEquals("h2", channel.info().alpn());
        }
    }
}
