package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.bouncycastle.tls.TlsClientProtocol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The TLS behaviours of issues 3 and 4 (hrr, tls12, rsa, downgrade), checked with the JDK's TLS client. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsVariantsTest {

    /** RFC 8446 §4.1.3: a HelloRetryRequest is a ServerHello whose random is SHA-256("HelloRetryRequest"). */
    private static final byte[] HELLO_RETRY_REQUEST_RANDOM = HexFormat.of().parseHex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    /** RFC 8446 §4.1.3: the last 8 bytes of a TLS 1.2 ServerHello.random from a server that supports TLS 1.3. */
    private static final byte[] DOWNGRD_TLS12 = HexFormat.of().parseHex("444f574e47524401");

    private static LabWorld lab;
    private static SSLContext tls;

    @BeforeAll
    static void startLab() throws Exception {
        lab = LabFixture.shared();
        tls = LabFixture.trusting(lab.rootCertificate());
    }

    @Test
    void hrrAnswersAnX25519KeyShareWithAHelloRetryRequestAndThenCompletesOnP256() throws Exception {
        try (RecordingRelay relay = new RecordingRelay(lab.port("hrr.lab.test"));
             Socket socket = new Socket("127.0.0.1", relay.port())) {
            socket.setSoTimeout(10_000);
            TlsClientProtocol protocol = X25519OnlyKeyShareClient.connect(socket, "hrr.lab.test");
            assertEquals(200, HttpReply.get(protocol.getInputStream(), protocol.getOutputStream(), "hrr.lab.test", "/", true).status());
            protocol.close();
            assertArrayEquals(HELLO_RETRY_REQUEST_RANDOM, relay.firstServerRandom());
        }
    }

    @Test
    void wwwTakesTheX25519KeyShareWithoutARetry() throws Exception {
        try (RecordingRelay relay = new RecordingRelay(lab.port("www.lab.test"));
             Socket socket = new Socket("127.0.0.1", relay.port())) {
            socket.setSoTimeout(10_000);
            TlsClientProtocol protocol = X25519OnlyKeyShareClient.connect(socket, "www.lab.test");
            assertEquals(200, HttpReply.get(protocol.getInputStream(), protocol.getOutputStream(), "www.lab.test", "/", true).status());
            protocol.close();
            assertFalse(Arrays.equals(HELLO_RETRY_REQUEST_RANDOM, relay.firstServerRandom()));
        }
    }

    @Test
    void hrrAlsoServesTheJdksClientWhichSendsAP256ShareUpFront() throws Exception {
        try (SSLSocket socket = LabFixture.handshake(tls, "hrr.lab.test", lab.port("hrr.lab.test"))) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
        }
    }

    @Test
    void tls12SpeaksOnlyTls12WithEcdheAndNoDowngradeSentinel() throws Exception {
        try (RecordingRelay relay = new RecordingRelay(lab.port("tls12.lab.test"));
             SSLSocket socket = LabFixture.handshake(tls, "tls12.lab.test", relay.port())) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertTrue(socket.getSession().getCipherSuite().startsWith("TLS_ECDHE_"), socket.getSession().getCipherSuite());
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "tls12.lab.test", "/", true).status());
            assertFalse(Arrays.equals(DOWNGRD_TLS12, Arrays.copyOfRange(relay.firstServerRandom(), 24, 32)),
                    "a server that does not support TLS 1.3 sets no sentinel");
        }
        assertThrows(SSLException.class, () -> LabFixture.handshake(tls, "tls12.lab.test", lab.port("tls12.lab.test"), "TLSv1.3").close());
    }

    @Test
    void aSecondTls12ConnectionResumesBySessionId() throws Exception {
        SSLContext client = LabFixture.trusting(lab.rootCertificate()); // one client session cache for both
        byte[] first;
        try (SSLSocket socket = LabFixture.handshake(client, "tls12.lab.test", lab.port("tls12.lab.test"))) {
            first = socket.getSession().getId();
            assertEquals(32, first.length, "the server gave a session ID");
            HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "tls12.lab.test", "/", true);
        }
        try (SSLSocket socket = LabFixture.handshake(client, "tls12.lab.test", lab.port("tls12.lab.test"))) {
            assertArrayEquals(first, socket.getSession().getId(), "the abbreviated handshake kept the session");
        }
        SSLContext stranger = LabFixture.trusting(lab.rootCertificate());
        try (SSLSocket socket = LabFixture.handshake(stranger, "tls12.lab.test", lab.port("tls12.lab.test"))) {
            assertFalse(Arrays.equals(first, socket.getSession().getId()), "a client without the session gets a new one");
        }
    }

    @Test
    void resumeIsServedByTheJdkAndResumesTls13WithAPreSharedKey() throws Exception {
        SSLContext client = LabFixture.trusting(lab.rootCertificate());
        try (RecordingRelay relay = new RecordingRelay(lab.port("resume.lab.test"))) {
            for (int connection = 0; connection < 2; connection++) {
                try (SSLSocket socket = LabFixture.handshake(client, "resume.lab.test", relay.port())) {
                    assertEquals("TLSv1.3", socket.getSession().getProtocol());
                    HttpReply reply = HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "resume.lab.test", "/", true);
                    assertTrue(reply.body().contains("JDK TLS server"), reply.body());
                }
            }
            // RFC 8446 §4.2.11: a server that accepts a PSK puts pre_shared_key (41) in its ServerHello.
            assertFalse(relay.serverHelloExtensions(0).contains(41), "first connection: full handshake");
            assertTrue(relay.serverHelloExtensions(1).contains(41), "second connection: resumed, " + relay.serverHelloExtensions(1));
        }
        assertEquals("jdk", lab.sites().stream().filter(s -> s.host().equals("resume.lab.test")).findFirst().orElseThrow().server());
    }

    @Test
    void rsaUsesRsaKeyExchangeSuitesOnly() throws Exception {
        try (SSLSocket socket = LabFixture.handshake(tls, "rsa.lab.test", lab.port("rsa.lab.test"), "TLSv1.2")) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertTrue(socket.getSession().getCipherSuite().startsWith("TLS_RSA_WITH_AES_"), socket.getSession().getCipherSuite());
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "rsa.lab.test", "/", true).status());
        }
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", lab.port("rsa.lab.test"))) {
            socket.setSoTimeout(10_000);
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
            assertThrows(SSLHandshakeException.class, socket::startHandshake, "no ECDHE suite is accepted");
        }
    }

    @Test
    void downgradeAnswersTls12WithTheDowngrdSentinelInItsRandom() throws Exception {
        // A client that offers only TLS 1.2 does not check the sentinel, so the handshake completes
        // and the bytes can be read.
        try (RecordingRelay relay = new RecordingRelay(lab.port("downgrade.lab.test"));
             SSLSocket socket = LabFixture.handshake(tls, "downgrade.lab.test", relay.port(), "TLSv1.2")) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertArrayEquals(DOWNGRD_TLS12, Arrays.copyOfRange(relay.firstServerRandom(), 24, 32));
        }
    }

    @Test
    void aTls13CapableClientRejectsTheDowngrade() {
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                () -> LabFixture.handshake(tls, "downgrade.lab.test", lab.port("downgrade.lab.test"), "TLSv1.3", "TLSv1.2").close());
        assertTrue(e.getMessage().toLowerCase().contains("downgrade"), e.getMessage());
    }
}
