package navemu.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Provider;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sites served by BoringSSL through Conscrypt (www, boring, pq, classic), checked with the JDK's
 * client and with Conscrypt's own (BoringSSL's client, the one that offers X25519MLKEM768).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BoringSslSitesTest {

    /** IANA TLS Supported Groups: X25519MLKEM768, x25519. */
    private static final int X25519MLKEM768 = 0x11ec;
    private static final int X25519 = 0x001d;
    /** RFC 8446 §4.2.11: pre_shared_key in a ServerHello means the server accepted a resumption. */
    private static final int PRE_SHARED_KEY = 41;

    private static LabWorld lab;

    @BeforeAll
    static void startLab() {
        lab = LabFixture.shared();
    }

    @Test
    void boringIsServedByBoringSslAndResumesTls13WithATicket() throws Exception {
        SSLContext client = LabFixture.trusting(lab.rootCertificate());
        try (RecordingRelay relay = new RecordingRelay(lab.port("boring.lab.test"))) {
            for (int connection = 0; connection < 2; connection++) {
                try (SSLSocket socket = LabFixture.handshake(client, "boring.lab.test", relay.port())) {
                    assertEquals("TLSv1.3", socket.getSession().getProtocol());
                    HttpReply reply = HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "boring.lab.test", "/", true);
                    assertEquals(200, reply.status());
                    assertTrue(reply.body().contains("BoringSSL TLS server"), reply.body());
                }
            }
            assertFalse(relay.serverHelloExtensions(0).contains(PRE_SHARED_KEY), "first connection: full handshake");
            assertTrue(relay.serverHelloExtensions(1).contains(PRE_SHARED_KEY), "second connection: resumed, " + relay.serverHelloExtensions(1));
        }
        assertEquals("boringssl", server("boring.lab.test"));
    }

    @Test
    void boringAlsoSpeaksTls12() throws Exception {
        SSLContext client = LabFixture.trusting(lab.rootCertificate());
        try (SSLSocket socket = LabFixture.handshake(client, "boring.lab.test", lab.port("boring.lab.test"), "TLSv1.2")) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertTrue(socket.getSession().getCipherSuite().startsWith("TLS_ECDHE_ECDSA_"), socket.getSession().getCipherSuite());
        }
    }

    /**
     * The reference site runs BoringSSL with its own default groups (no tls.groups): a client
     * offering X25519MLKEM768 gets it, the second connection resumes with the ticket, TLS 1.2
     * still loads (ECDHE_ECDSA, P-256 leaf) and its plain HTTP answers 301 to https.
     */
    @Test
    void wwwIsServedByBoringSslWithMlKemResumptionTls12AndTheHttpRedirect() throws Exception {
        try (RecordingRelay relay = new RecordingRelay(lab.port("www.lab.test"))) {
            try (SSLSocket socket = conscryptHandshake("www.lab.test", relay.port(), "X25519MLKEM768", "x25519")) {
                HttpReply reply = HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/", true);
                assertEquals(200, reply.status());
                assertTrue(reply.body().contains("BoringSSL TLS server"), reply.body());
            }
            assertEquals(X25519MLKEM768, relay.serverKeyShareGroup(0));
        }
        SSLContext client = LabFixture.trusting(lab.rootCertificate());
        try (RecordingRelay relay = new RecordingRelay(lab.port("www.lab.test"))) {
            for (int connection = 0; connection < 2; connection++) {
                try (SSLSocket socket = LabFixture.handshake(client, "www.lab.test", relay.port())) {
                    assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/", true).status());
                }
            }
            assertFalse(relay.serverHelloExtensions(0).contains(PRE_SHARED_KEY), "first connection: full handshake");
            assertTrue(relay.serverHelloExtensions(1).contains(PRE_SHARED_KEY), "second connection: resumed, " + relay.serverHelloExtensions(1));
        }
        try (SSLSocket socket = LabFixture.handshake(client, "www.lab.test", lab.port("www.lab.test"), "TLSv1.2")) {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertTrue(socket.getSession().getCipherSuite().startsWith("TLS_ECDHE_ECDSA_"), socket.getSession().getCipherSuite());
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "www.lab.test", "/", true).status());
        }
        try (Socket plain = new Socket("127.0.0.1", lab.httpPort("www.lab.test"))) {
            plain.setSoTimeout(10_000);
            HttpReply redirect = HttpReply.get(plain.getInputStream(), plain.getOutputStream(), "www.lab.test", "/", true);
            assertEquals(301, redirect.status());
            assertEquals("https://www.lab.test/", redirect.header("Location").orElseThrow());
        }
        assertEquals("boringssl", server("www.lab.test"));
    }

    @Test
    void pqAgreesOnX25519MlKem768WithBoringSslsClient() throws Exception {
        try (RecordingRelay relay = new RecordingRelay(lab.port("pq.lab.test"))) {
            try (SSLSocket socket = conscryptHandshake("pq.lab.test", relay.port(), "X25519MLKEM768", "x25519")) {
                assertEquals("TLSv1.3", socket.getSession().getProtocol());
                assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "pq.lab.test", "/", true).status());
            }
            assertEquals(X25519MLKEM768, relay.serverKeyShareGroup(0));
        }
        assertEquals("boringssl", server("pq.lab.test"));
    }

    @Test
    void classicRefusesMlKemAndAgreesOnX25519WithTheSameClient() throws Exception {
        try (RecordingRelay pq = new RecordingRelay(lab.port("pq.lab.test"));
             RecordingRelay classic = new RecordingRelay(lab.port("classic.lab.test"))) {
            try (SSLSocket socket = conscryptHandshake("pq.lab.test", pq.port(), "X25519MLKEM768", "x25519")) {
                HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "pq.lab.test", "/", true);
            }
            try (SSLSocket socket = conscryptHandshake("classic.lab.test", classic.port(), "X25519MLKEM768", "x25519")) {
                assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "classic.lab.test", "/", true).status());
            }
            assertEquals(X25519, classic.serverKeyShareGroup(0));
            // The ML-KEM ciphertext (1088 bytes) rides in the server's key share: the post-quantum
            // server's flight is over a kilobyte larger than the classical one's.
            assertTrue(pq.bytesFromServer(0) - classic.bytesFromServer(0) > 1000,
                    "pq " + pq.bytesFromServer(0) + " bytes vs classic " + classic.bytesFromServer(0));
        }
    }

    @Test
    void theJdksClientWithoutMlKemStillReachesPqThroughX25519() throws Exception {
        try (RecordingRelay relay = new RecordingRelay(lab.port("pq.lab.test"));
             SSLSocket socket = LabFixture.handshake(LabFixture.trusting(lab.rootCertificate()), "pq.lab.test", relay.port())) {
            assertEquals(200, HttpReply.get(socket.getInputStream(), socket.getOutputStream(), "pq.lab.test", "/", true).status());
            assertEquals(X25519, relay.serverKeyShareGroup(0));
        }
    }

    private static String server(String host) {
        return lab.sites().stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow().server();
    }

    /** A Conscrypt (BoringSSL) client handshake offering these groups, trusting the lab root only, SNI = host. */
    private static SSLSocket conscryptHandshake(String host, int port, String... groups) throws Exception {
        KeyStore roots = KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("lab root", lab.rootCertificate());
        // Conscrypt's own PKIX trust manager: the JDK's does not know the authType "GENERIC" BoringSSL reports for TLS 1.3.
        Provider conscrypt = Conscrypt.newProvider();
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX", conscrypt);
        trust.init(roots);
        SSLContext context = SSLContext.getInstance("TLS", conscrypt);
        context.init(null, trust.getTrustManagers(), null);
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        plain.setSoTimeout(10_000);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        socket.setSSLParameters(parameters);
        Conscrypt.setNamedGroups(socket, groups);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }
}
