package navemu.tls.tls13ecdhe;

import navemu.tls.core.testing.TestPki;
import navemu.tls.core.client.Tls13ClientConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import navemu.api.result.TlsMessage;
import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.Tls13CipherSuite;

/**
 * Full handshakes against two independent TLS 1.3 servers on loopback — the JDK's (SunJSSE) and
 * Bouncy Castle's (BCJSSE) — for each cipher suite and for RSA and ECDSA server certificates,
 * then a request and the response over the encrypted channel.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JsseInteropTest {
    private static final Map<TestPki.KeyType, TestPki> PKI = new EnumMap<>(TestPki.KeyType.class);

    @BeforeAll
    static void makeCertificates() {
        for (TestPki.KeyType t : TestPki.KeyType.values()) {
            PKI.put(t, TestPki.create(t));
        }
    }

    static Stream<Arguments> serversSuitesAndKeys() {
        List<Arguments> out = new ArrayList<>();
        for (JsseServer.Impl impl : JsseServer.Impl.values()) {
            for (TestPki.KeyType key : TestPki.KeyType.values()) {
                for (Tls13CipherSuite suite : Tls13CipherSuite.values()) {
                    out.add(Arguments.of(impl, key, suite));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} server, {1} certificate, {2}")
    @MethodSource("serversSuitesAndKeys")
    void fullHandshakeThenRequestAndResponse(JsseServer.Impl impl, TestPki.KeyType key, Tls13CipherSuite suite) throws Exception {
        TestPki pki = PKI.get(key);
        try (JsseServer server = JsseServer.start(impl, pki, new String[] {suite.name()}, null)) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());

            assertTrue(x.response.startsWith("HTTP/1.1 200 OK"), x.response);
            assertTrue(x.response.endsWith(JsseServer.BODY), x.response);
            var info = x.channel.info();
            assertEquals("TLSv1.3", info.version());
            assertEquals(suite.name(), info.cipherSuite());
            assertEquals(suite.name(), server.lastCipherSuite.get());
            assertEquals("x25519", info.group());
            assertEquals("http/1.1", info.alpn());
            assertEquals(TestPki.HOST, info.sni());
            assertFalse(info.resumed());
            assertEquals(List.of("C>S ClientHello", "S>C ServerHello", "S>C EncryptedExtensions", "S>C Certificate",
                    "S>C CertificateVerify", "S>C Finished", "C>S Finished"), info.messages().subList(0, 7).stream()
                    .map(m -> m.dir() + " " + m.type()).toList());
            assertEquals(1, x.trace.roundTrips.size(), "a full TLS 1.3 handshake costs one round trip");
            assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                    "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0").stream().sorted().toList(),
                    x.keyLog.keySet().stream().sorted().toList());
            assertEquals(TestPki.HOST, x.validator.lastRequest.host());
            assertEquals("ECDHE", x.validator.lastRequest.keyExchange());
            assertTrue(x.channel.verdict().accepted());
            assertTrue(x.trace.secrets.containsKey("client_handshake_traffic_secret"));
            assertEquals(suite.name(), x.trace.fieldsByMessage.get("S>C ServerHello").get("cipher_suite"));
            assertNotNull(server.handshakes.get() == 1 ? "" : null, "the server completed its handshake");
        }
    }

    @Test
    void helloRetryRequestWhenTheServerOnlyAcceptsP256() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        try (JsseServer server = JsseServer.start(JsseServer.Impl.BC, pki, null, new String[] {"secp256r1"})) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());

            assertTrue(x.response.endsWith(JsseServer.BODY), x.response);
            assertEquals(NamedGroup.SECP256R1.rfcName(), x.channel.info().group());
            assertEquals(List.of("C>S ClientHello", "S>C HelloRetryRequest", "C>S ClientHello", "S>C ServerHello"),
                    x.channel.info().messages().subList(0, 4).stream().map(m -> m.dir() + " " + m.type()).toList());
            assertEquals(2, x.trace.roundTrips.size(), "HelloRetryRequest costs a second round trip");
            assertEquals("secp256r1", x.trace.fieldsByMessage.get("S>C HelloRetryRequest").get("selected_group"));
        }
    }

    @Test
    void newSessionTicketFromTheJdkServerGoesToTheSessionSlot() throws Exception {
        TestPki pki = PKI.get(TestPki.KeyType.ECDSA);
        try (JsseServer server = JsseServer.start(JsseServer.Impl.JDK, pki, null, null)) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());

            assertTrue(x.channel.info().messages().stream().anyMatch(m -> m.type().equals("NewSessionTicket")
                    && m.dir().equals(TlsMessage.SERVER_TO_CLIENT)));
            StoredSession s = x.sessions.stored.get(new SessionKey(TestPki.HOST, server.port(), TestPki.HOST));
            assertNotNull(s, "the ticket is stored under host, port and SNI");
            assertEquals("TLSv1.3", s.version());
            assertEquals("psk", s.kind());
            int hashLength = Tls13CipherSuite.valueOf(x.channel.info().cipherSuite()).hash().length();
            assertEquals(hashLength, s.secret().length, "PSK = HKDF-Expand-Label(resumption_master_secret, \"resumption\", nonce, Hash.length)");
            assertEquals(x.channel.info().cipherSuite(), s.cipherSuite());
            assertEquals("http/1.1", s.alpn());
            assertTrue(s.lifetime().toSeconds() > 0);
        }
    }
}
