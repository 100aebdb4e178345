package navemu.tls.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.cert.CertVerdict;
import navemu.api.result.TlsMessage;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.lab.LabWorld;

/** JSSE against the lab's origins, which Bouncy Castle's TLS server runs: real interoperation. */
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

    private static final SessionStore NO_SESSIONS = new SessionStore() {
        @Override public Optional<StoredSession> find(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public Optional<StoredSession> take(SessionKey key, Instant now) { return Optional.empty(); }
        @Override public void put(SessionKey key, StoredSession session) { }
        @Override public void remove(SessionKey key) { }
        @Override public List<Entry> list(Instant now) { return List.of(); }
        @Override public void clear() { }
    };

    private SecureChannel handshake(String host, RecordingTrace trace, List<byte[]> chainSeen) throws Exception {
        int port = lab.port(host);
        return new JsseTlsClient().handshake(new TlsRequest(host, port, List.of("http/1.1"), null, Duration.ofSeconds(30)),
                SocketConnection.to(port), new TlsContext((request, t) -> {
                    chainSeen.addAll(request.chain());
                    return new CertVerdict(true, null, null, null);
                }, NO_SESSIONS, Instant.now(), null), trace);
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
    void wwwSpeaksTls13WithAlpnAndAnswersGet() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        List<byte[]> chain = new java.util.ArrayList<>();
        try (SecureChannel channel = handshake("www.lab.test", trace, chain)) {
            assertEquals("TLSv1.3", channel.info().version());
            assertEquals("http/1.1", channel.info().alpn());
            assertEquals(1, trace.roundTrips.size(), trace.roundTrips.toString());
            assertTrue(chain.size() >= 2, "leaf and intermediate: " + chain.size());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "www.lab.test"));
        }
    }

    @Test
    void jsseOffersAP256KeyShareSoTheP256OnlyServerNeedsNoHelloRetryRequest() throws Exception {
        // JSSE's ClientHello carries key shares for x25519 and secp256r1; hrr.lab.test picks the latter at once.
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake("hrr.lab.test", trace, new java.util.ArrayList<>())) {
            assertTrue(trace.sent.get("ClientHello").get("key_share").contains("secp256r1"),
                    trace.sent.get("ClientHello").toString());
            assertEquals("ServerHello", channel.info().messages().stream()
                    .filter(m -> m.dir().equals(TlsMessage.SERVER_TO_CLIENT)).map(TlsMessage::type).findFirst().orElse(""));
            assertEquals("secp256r1", channel.info().group());
            assertEquals(1, trace.roundTrips.size(), trace.roundTrips.toString());
            assertEquals("HTTP/1.1 200 OK", statusLine(channel, "hrr.lab.test"));
        }
    }

    @Test
    void aStapledOcspResponseReachesTheCertSlot() throws Exception {
        int port = lab.port("revoked.lab.test");
        List<byte[]> staples = new java.util.ArrayList<>();
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = new JsseTlsClient().handshake(
                new TlsRequest("revoked.lab.test", port, List.of("http/1.1"), null, Duration.ofSeconds(30)),
                SocketConnection.to(port), new TlsContext((request, t) -> {
                    if (request.stapledOcsp() != null) {
                        staples.add(request.stapledOcsp());
                    }
                    return new CertVerdict(true, null, null, null);
                }, NO_SESSIONS, Instant.now(), null), trace)) {
            // TLS 1.3 carries the staple inside the (encrypted) Certificate message, TLS 1.2 in CertificateStatus.
            if (channel.info().version().equals("TLSv1.2")) {
                assertTrue(channel.info().messages().stream().anyMatch(m -> m.type().equals("CertificateStatus")),
                        channel.info().messages().toString());
            }
            assertEquals(1, staples.size(), "the stapled OCSP response reached the cert slot");
        }
    }

    @Test
    void aSecondHandshakeWithAServerThatResumesIsStillFullBecauseEachUsesAFreshContext() throws Exception {
        for (int visit = 1; visit <= 2; visit++) {
            RecordingTrace trace = new RecordingTrace();
            try (SecureChannel channel = handshake("resume.lab.test", trace, new java.util.ArrayList<>())) {
                assertEquals("HTTP/1.1 200 OK", statusLine(channel, "resume.lab.test"));
                assertTrue(!trace.sent.get("ClientHello").get("extensions").contains("pre_shared_key"),
                        "visit " + visit + " offered no ticket: " + trace.sent.get("ClientHello"));
                assertTrue(!channel.info().resumed());
            }
        }
    }
}
