package navemu.tls.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import navemu.api.cert.CertificateValidator;
import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.cert.insecure.InsecureValidator;
import navemu.cert.pkix.PkixValidator;
import navemu.cert.pkix.path.TrustAnchors;
import navemu.cert.pkix.x509.ParsedCertificate;
import navemu.lab.LabWorld;
import navemu.session.store.LruSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;

/**
 * Issue 11: resumption must not bypass certificate validation. Against the lab's expired sites
 * that resume (TLS 1.2 session ids from Bouncy Castle, TLS 1.3 tickets from the JDK), with the
 * real {@code pkix} and {@code insecure} validators and the real session store.
 */
@Timeout(120)
class ResumptionRevalidationTest {

    private static final String EXPIRED_TLS12 = "expired-tls12.lab.test";
    private static final String EXPIRED_TLS13_TICKETS = "expired-resume.lab.test";

    /**
     * Accepts with nothing to report, as a validator did when the chain was still good: the
     * session it makes is resumable, and what matters is what the active validator says later.
     */
    private static final CertificateValidator ACCEPTED_WHEN_STORED = (request, trace) -> new CertVerdict(true, null,
            "accepted when the session was made (test)", null);

    @TempDir
    static Path home;
    private static LabWorld lab;
    private static CertificateValidator pkix;
    private static CertificateValidator insecure;

    @BeforeAll
    static void start() throws Exception {
        lab = LabWorld.start(home, Path.of("../../config"));
        TrustAnchors anchors = TrustAnchors.of(List.of(ParsedCertificate.parse(lab.rootCertificate().getEncoded())), "lab root");
        pkix = new PkixValidator(() -> anchors);
        insecure = new InsecureValidator(() -> pkix);
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static SecureChannel handshake(String host, CertificateValidator validator, SessionStore sessions,
                                           RecordingTrace trace) throws Exception {
        int port = lab.port(host);
        return new BrowserTlsClient().handshake(new TlsRequest(host, port, List.of("http/1.1"), null, Duration.ofSeconds(30)),
                SocketConnection.connect(port), new TlsContext(validator, sessions, Instant.now(), null), trace);
    }

    /** GET / and the status line; reading also takes in TLS 1.3 NewSessionTicket messages. */
    private static String statusLine(SecureChannel channel, String host) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder line = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\r'; b = channel.input().read()) {
            line.append((char) b);
        }
        while (channel.input().read() >= 0) {
            // the rest of the answer, up to close_notify: the tickets come before it
        }
        return line.toString();
    }

    private static void visit(String host, CertificateValidator validator, SessionStore sessions, RecordingTrace trace)
            throws Exception {
        try (SecureChannel channel = handshake(host, validator, sessions, trace)) {
            assertTrue(statusLine(channel, host).contains(" 200"), trace.infos.toString());
        }
    }

    // ---- a lenient verdict never makes a resumable session ---------------------------------------

    @Test
    void insecureLoadsTheExpiredTls12SiteButKeepsNoSession() throws Exception {
        LruSessionStore sessions = new LruSessionStore(16);
        RecordingTrace trace = new RecordingTrace();
        visit(EXPIRED_TLS12, insecure, sessions, trace);

        assertTrue(trace.received.contains("ServerHelloDone"), "a full TLS 1.2 handshake: " + trace.received);
        assertEquals(List.of(), sessions.list(Instant.now()), "accepted despite ERR_CERT_DATE_INVALID: nothing to resume");
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("no session kept") && i.contains("ERR_CERT_DATE_INVALID")),
                trace.infos.toString());
    }

    @Test
    void insecureLoadsTheExpiredTls13SiteButKeepsNoTicket() throws Exception {
        LruSessionStore sessions = new LruSessionStore(16);
        RecordingTrace trace = new RecordingTrace();
        visit(EXPIRED_TLS13_TICKETS, insecure, sessions, trace);

        assertTrue(trace.received.contains("NewSessionTicket"), "the JDK server issued a ticket: " + trace.received);
        assertEquals(List.of(), sessions.list(Instant.now()), "accepted despite ERR_CERT_DATE_INVALID: no ticket kept");
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("NewSessionTicket not kept")), trace.infos.toString());
    }

    // ---- the active cert slot re-validates the stored chain on every resumption ------------------

    @Test
    void aResumedTls12SessionIsReValidatedAndPkixFailsItAndTheSessionIsDropped() throws Exception {
        LruSessionStore sessions = new LruSessionStore(16);
        visit(EXPIRED_TLS12, ACCEPTED_WHEN_STORED, sessions, new RecordingTrace());
        assertEquals("TLSv1.2", sessions.list(Instant.now()).get(0).session().version());

        RecordingTrace trace = new RecordingTrace();
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                () -> handshake(EXPIRED_TLS12, pkix, sessions, trace).close());

        assertEquals(NetError.ERR_CERT_DATE_INVALID, e.error(), e.getMessage());
        assertTrue(e.getMessage().contains("stored chain"), e.getMessage());
        assertFalse(trace.received.contains("Certificate"), "the server resumed: no Certificate message, " + trace.received);
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("re-validating the stored chain")), trace.infos.toString());
        assertEquals(List.of(), sessions.list(Instant.now()), "a failed resumption drops its session");
    }

    @Test
    void aResumedTls13TicketIsReValidatedAndPkixFailsIt() throws Exception {
        LruSessionStore sessions = new LruSessionStore(16);
        visit(EXPIRED_TLS13_TICKETS, ACCEPTED_WHEN_STORED, sessions, new RecordingTrace());
        assertEquals("psk", sessions.list(Instant.now()).get(0).session().kind());

        RecordingTrace trace = new RecordingTrace();
        HandshakeFailedException e = assertThrows(HandshakeFailedException.class,
                () -> handshake(EXPIRED_TLS13_TICKETS, pkix, sessions, trace).close());

        assertEquals(NetError.ERR_CERT_DATE_INVALID, e.error(), e.getMessage());
        assertTrue(trace.received.contains("EncryptedExtensions"), trace.received.toString());
        assertFalse(trace.received.contains("Certificate"), "the server accepted the PSK: no Certificate message");
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("re-validating the stored chain")), trace.infos.toString());
        assertFalse(trace.sent.contains("Finished"), "no Finished goes to a server whose chain the cert slot rejects");
    }

    @Test
    void aResumedConnectionsVerdictIsThePkixVerdictOnTheStoredChainNotAnInventedOne() throws Exception {
        for (String host : List.of("tls12.lab.test", "resume.lab.test")) {
            LruSessionStore sessions = new LruSessionStore(16);
            visit(host, pkix, sessions, new RecordingTrace());
            SessionCertificate stored = sessions.list(Instant.now()).get(0).session().certificate();
            assertNotNull(stored, host + ": the session keeps the chain");
            assertEquals("pkix", stored.validator());

            RecordingTrace trace = new RecordingTrace();
            try (SecureChannel channel = handshake(host, pkix, sessions, trace)) {
                assertTrue(channel.info().resumed(), host + " resumes: " + trace.infos);
                CertVerdict verdict = channel.verdict();
                assertNotNull(verdict.info(), host + ": the resumed channel's verdict explains the chain");
                assertEquals("pkix", verdict.info().validator);
                assertTrue(verdict.info().valid && verdict.info().problems.isEmpty(), verdict.info().problems.toString());
                assertTrue(verdict.info().subject.contains(host), verdict.info().subject);
                assertTrue(statusLine(channel, host).contains(" 200"));
            }
            assertTrue(trace.infos.stream().anyMatch(i -> i.startsWith("re-validated the stored chain") && i.contains("pkix")),
                    trace.infos.toString());
            assertEquals(true, trace.details.get("certificateRevalidated"));
        }
    }

    // ---- session hygiene ---------------------------------------------------------------------------

    @Test
    void aTls12SessionTheServerRefusesGoesAloneAndTheHostsTls13TicketStays() throws Exception {
        String host = "tls12.lab.test";
        SessionKey key = new SessionKey(host, lab.port(host), host);
        SessionCertificate certificate = new SessionCertificate(List.of(lab.rootCertificate().getEncoded()), null, "ECDHE",
                "pkix", "valid", Instant.now());
        LruSessionStore sessions = new LruSessionStore(16);
        Instant now = Instant.now();
        sessions.put(key, new StoredSession("TLSv1.3", "psk", "TLS_AES_128_GCM_SHA256", null, new byte[] {1, 2, 3},
                new byte[32], now.minusSeconds(60), Duration.ofHours(1), 7, 0, "http/1.1", false, certificate));
        byte[] unknownId = new byte[32];
        java.util.Arrays.fill(unknownId, (byte) 7);
        sessions.put(key, new StoredSession("TLSv1.2", "session-id", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", unknownId,
                null, new byte[48], now, Duration.ofHours(1), 0, 0, "http/1.1", true, certificate));

        RecordingTrace trace = new RecordingTrace();
        visit(host, ACCEPTED_WHEN_STORED, sessions, trace);

        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("did not resume")), trace.infos.toString());
        List<StoredSession> left = sessions.list(Instant.now()).stream().map(SessionStore.Entry::session).toList();
        assertTrue(left.stream().anyMatch(s -> "TLSv1.3".equals(s.version())), "the TLS 1.3 ticket stays: " + left);
        assertTrue(left.stream().noneMatch(s -> java.util.Arrays.equals(unknownId, s.sessionId())), "the refused session went");
    }
}
