package navemu.tls.tls12rsa;

import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.MapSessionStore;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.lab.LabWorld;

/** tls12-rsa against the lab's rsa.lab.test (Bouncy Castle's TLS server, TLS 1.2 RSA key exchange only). */
@Timeout(120)
class LabInteropTest {
    private static final String HOST = "rsa.lab.test";

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

    private final List<String> keyLog = new ArrayList<>();

    private SecureChannel handshake(RecordingTrace trace, SessionStore sessions) throws Exception {
        int port = lab.port(HOST);
        return new Tls12RsaClient().handshake(new TlsRequest(HOST, port, List.of("http/1.1"), null, Duration.ofSeconds(30)),
                SocketConnection.connect(port), new TlsContext((request, t) -> {
                    assertEquals("RSA", request.keyExchange());
                    return new CertVerdict(true, null, null, null);
                }, sessions, Instant.now(), (label, random, secret) -> keyLog.add(label)), trace);
    }

    private static String statusLine(SecureChannel channel) throws IOException {
        channel.output().write(("GET / HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        channel.output().flush();
        StringBuilder line = new StringBuilder();
        for (int b = channel.input().read(); b >= 0 && b != '\r'; b = channel.input().read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void rsaLabTestSpeaksTls12WithRsaKeyExchangeAndAnswersGet() throws Exception {
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake(trace, MapSessionStore.off())) {
            assertEquals("TLSv1.2", channel.info().version());
            assertTrue(channel.info().cipherSuite().startsWith("TLS_RSA_WITH_"), channel.info().cipherSuite());
            assertFalse(channel.info().resumed());
            assertTrue(statusLine(channel).contains(" 200"), "the lab answers GET with 200");
            assertEquals(List.of("ClientHello", "ClientKeyExchange", "ChangeCipherSpec", "Finished"), trace.sent.subList(0, 4));
            assertTrue(trace.received.containsAll(List.of("ServerHello", "Certificate", "ServerHelloDone", "Finished")), trace.received.toString());
            assertEquals(48, trace.secrets.get("pre_master_secret").length() / 2, "a 48-byte pre-master secret");
            assertTrue(trace.secrets.get("pre_master_secret").startsWith("0303"), "it begins with client_version");
            assertEquals(2, trace.roundTrips.size(), "a full TLS 1.2 handshake waits for two server flights: " + trace.roundTrips);
            assertTrue(keyLog.contains("CLIENT_RANDOM"));
            for (String step : List.of("hello:", "certificate:", "verification:", "pre-master secret:",
                    "decryption by the server:", "session keys:", "finished:")) {
                assertTrue(trace.infos.stream().anyMatch(i -> i.startsWith(step)), "the trace names the step " + step);
            }
        }
    }

    @Test
    void secondHandshakeResumesWithOneRoundTrip() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        RecordingTrace first = new RecordingTrace();
        try (SecureChannel channel = handshake(first, sessions)) {
            assertTrue(statusLine(channel).contains(" 200"));
        }
        assertEquals(1, sessions.entries.size(), "the first handshake stored its session");
        StoredSession stored = sessions.entries.values().iterator().next();
        assertEquals("TLSv1.2", stored.version());

        RecordingTrace second = new RecordingTrace();
        try (SecureChannel channel = handshake(second, sessions)) {
            assertTrue(channel.info().resumed(), "the second handshake resumes");
            assertTrue(statusLine(channel).contains(" 200"));
        }
        assertEquals(List.of("ClientHello", "ChangeCipherSpec", "Finished"), second.sent.subList(0, 3), "abbreviated: no ClientKeyExchange");
        assertFalse(second.received.contains("Certificate"), "abbreviated: no Certificate");
        assertEquals(2, first.roundTrips.size());
        assertEquals(1, second.roundTrips.size(), "abbreviated handshake: one round trip");
        assertEquals(2, first.details.get("tlsRoundTripsBeforeRequest"));
        assertEquals(1, second.details.get("tlsRoundTripsBeforeRequest"));
        assertEquals(true, second.details.get("resumed"));
    }

    @Test
    void sessionOffKeepsNothingSoEveryHandshakeIsFull() throws Exception {
        MapSessionStore off = MapSessionStore.off();
        for (int i = 0; i < 2; i++) {
            RecordingTrace trace = new RecordingTrace();
            try (SecureChannel channel = handshake(trace, off)) {
                assertFalse(channel.info().resumed());
                assertEquals("(empty)", trace.fieldsByMessage.get("C>S ClientHello").get("session_id"));
            }
        }
    }

    @Test
    void aSessionOfAnotherHostIsNeverOffered() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        int port = lab.port(HOST);
        byte[] id = new byte[32];
        sessions.put(new SessionKey("www.lab.test", port, "www.lab.test"), new StoredSession("TLSv1.2", "session-id",
                "TLS_RSA_WITH_AES_128_GCM_SHA256", id, null, new byte[48], Instant.now(), Duration.ofHours(1), 0, 0, null, true,
                navemu.tls.core.testing.StoredChain.placeholder()));
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake(trace, sessions)) {
            assertFalse(channel.info().resumed());
        }
        assertEquals("(empty)", trace.fieldsByMessage.get("C>S ClientHello").get("session_id"));
        assertEquals(List.of(new SessionKey(HOST, port, HOST)), sessions.asked, "only this host's key was looked up");
        assertNotNull(sessions.entries.get(new SessionKey(HOST, port, HOST)));
    }

    @Test
    void aSessionTheServerDoesNotKnowFallsBackToAFullHandshakeAndIsRemoved() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        int port = lab.port(HOST);
        byte[] unknownId = new byte[32];
        java.util.Arrays.fill(unknownId, (byte) 7);
        SessionKey key = new SessionKey(HOST, port, HOST);
        sessions.put(key, new StoredSession("TLSv1.2", "session-id", "TLS_RSA_WITH_AES_128_GCM_SHA256", unknownId, null,
                new byte[48], Instant.now(), Duration.ofHours(1), 0, 0, null, true, navemu.tls.core.testing.StoredChain.placeholder()));
        RecordingTrace trace = new RecordingTrace();
        try (SecureChannel channel = handshake(trace, sessions)) {
            assertFalse(channel.info().resumed());
            assertTrue(statusLine(channel).contains(" 200"));
        }
        assertTrue(trace.infos.stream().anyMatch(i -> i.contains("did not resume")), trace.infos.toString());
        StoredSession now = sessions.entries.get(key);
        assertNotNull(now, "the new full handshake's session replaced the refused one");
        assertFalse(java.util.Arrays.equals(unknownId, now.sessionId() == null ? new byte[0] : now.sessionId()));
    }
}
