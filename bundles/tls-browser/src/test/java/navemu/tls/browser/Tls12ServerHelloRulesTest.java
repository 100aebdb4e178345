package navemu.tls.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import navemu.api.NetError;
import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.Alert;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.testing.MapSessionStore;
import navemu.tls.core.testing.RecordingTrace;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.testing.TestPki;

/**
 * The browser offers TLS 1.3 and 1.2 in one ClientHello; a server that answers TLS 1.2 must keep
 * TLS 1.2's rules (RFC 5246 §7.4.1.3, §7.4.1.4) and cannot take 0-RTT data (RFC 8446 §4.2.10).
 * Each case checks the alert the scripted server reads on the wire.
 */
@Timeout(30)
class Tls12ServerHelloRulesTest {
    private static final int ECDHE_RSA_AES128_GCM = 0xC02F;

    private record Failure(HandshakeFailedException error, Alert alert) {
    }

    private static Failure answer(ServerHello sh, MapSessionStore sessions, byte[] earlyData) throws Exception {
        return answer(sh, sessions, earlyData, List.of("http/1.1"));
    }

    private static Failure answer(ServerHello sh, MapSessionStore sessions, byte[] earlyData, List<String> alpn) throws Exception {
        try (ScriptedServerHello server = new ScriptedServerHello(sh.toMessage())) {
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), alpn, earlyData, Duration.ofSeconds(3));
            TlsContext context = new TlsContext((r, t) -> new CertVerdict(true, null, null, null), sessions, Instant.now(), null);
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient()
                    .handshake(request, SocketConnection.connect(server.port()), context, new RecordingTrace()));
            Alert alert = server.alertFromClient();
            assertNotNull(alert, "no plaintext alert reached the server: " + e.getMessage());
            return new Failure(e, alert);
        }
    }

    private static Failure answer(List<Extension> extensions) throws Exception {
        return answer(tls12(new byte[0], extensions), MapSessionStore.off(), null);
    }

    private static ServerHello tls12(byte[] sessionId, List<Extension> extensions) {
        byte[] random = new byte[32];
        random[0] = 1;
        return new ServerHello(0x0303, random, sessionId, ECDHE_RSA_AES128_GCM, 0, extensions);
    }

    /** BoringSSL's forbid_parse_serverhello: TLS 1.3's extensions, offered for 1.3, are unsupported_extension in a 1.2 answer. */
    @ParameterizedTest(name = "extension {0} in a TLS 1.2 ServerHello")
    @ValueSource(ints = {ExtensionType.KEY_SHARE, ExtensionType.PSK_KEY_EXCHANGE_MODES, ExtensionType.SIGNATURE_ALGORITHMS,
            ExtensionType.COMPRESS_CERTIFICATE, ExtensionType.ENCRYPTED_CLIENT_HELLO})
    void anExtensionTls12DoesNotAnswerIsUnsupportedExtension(int type) throws Exception {
        Failure f = answer(List.of(new Extension(type, type == ExtensionType.KEY_SHARE ? new byte[] {0, 29, 0, 1, 9} : new byte[0])));
        assertEquals(AlertDescription.UNSUPPORTED_EXTENSION, f.alert().description(), f.error().getMessage());
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
        assertTrue(f.error().getMessage().contains("a TLS 1.2 server never sends"), f.error().getMessage());
    }

    /** ALPS is TLS 1.3's (EncryptedExtensions only): offered beside h2, answered in a TLS 1.2 ServerHello, as BoringSSL refuses it. */
    @Test
    void alpsInATls12ServerHelloIsUnsupportedExtension() throws Exception {
        Failure f = answer(tls12(new byte[0], List.of(new Extension(ExtensionType.APPLICATION_SETTINGS, new byte[0]))),
                MapSessionStore.off(), null, List.of("h2", "http/1.1"));
        assertEquals(AlertDescription.UNSUPPORTED_EXTENSION, f.alert().description(), f.error().getMessage());
        assertTrue(f.error().getMessage().contains("application_settings, which a TLS 1.2 server never sends"), f.error().getMessage());
    }

    /**
     * A suite we did not offer (RFC 5246 §7.4.1.3): one we know but the browser does not offer
     * (AES-128-CBC-SHA256, the textbook tls12-rsa client's), one Chrome dropped (3DES), an ECDSA
     * CBC suite we never implemented, a TLS 1.3 suite in a TLS 1.2 answer. BoringSSL:
     * SSL_R_WRONG_CIPHER_RETURNED with illegal_parameter.
     */
    @ParameterizedTest(name = "suite 0x{0}")
    @ValueSource(strings = {"003C", "000A", "C009", "1301"})
    void aSuiteWeDidNotOfferIsAnIllegalParameter(String suite) throws Exception {
        byte[] random = new byte[32];
        random[0] = 1;
        Failure f = answer(new ServerHello(0x0303, random, new byte[0], Integer.parseInt(suite, 16), 0, List.of()),
                MapSessionStore.off(), null);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert().description(), f.error().getMessage());
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
        assertTrue(f.error().getMessage().contains("a cipher suite we did not offer"), f.error().getMessage());
    }

    @Test
    void anExtendedMasterSecretWithABodyIsADecodeError() throws Exception {
        Failure f = answer(List.of(new Extension(ExtensionType.EXTENDED_MASTER_SECRET, new byte[] {0})));
        assertEquals(AlertDescription.DECODE_ERROR, f.alert().description(), f.error().getMessage());
    }

    @Test
    void pointFormatsWithoutUncompressedAreAnIllegalParameter() throws Exception {
        Failure f = answer(List.of(new Extension(ExtensionType.EC_POINT_FORMATS, new byte[] {1, 1})));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert().description(), f.error().getMessage());
    }

    @Test
    void aSessionIdLongerThan32BytesIsADecodeError() throws Exception {
        Failure f = answer(tls12(new byte[33], List.of()), MapSessionStore.off(), null);
        assertEquals(AlertDescription.DECODE_ERROR, f.alert().description(), f.error().getMessage());
    }

    /** A GREASE extension (RFC 8701) we sent, echoed by the server, was not understood: unsupported_extension. */
    @Test
    void aServerEchoingOurGreaseExtensionIsUnsupportedExtension() throws Exception {
        try (ScriptedServerHello server = new ScriptedServerHello(ch -> ScriptedServerHello.flight(tls12(new byte[0],
                List.of(new Extension(ch.extensions().get(0).type(), new byte[0]))).toMessage()))) {
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, Duration.ofSeconds(3));
            TlsContext context = new TlsContext((r, t) -> new CertVerdict(true, null, null, null), MapSessionStore.off(), Instant.now(), null);
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient()
                    .handshake(request, SocketConnection.connect(server.port()), context, new RecordingTrace()));
            Alert alert = server.alertFromClient();
            assertNotNull(alert, "no plaintext alert reached the server: " + e.getMessage());
            assertEquals(AlertDescription.UNSUPPORTED_EXTENSION, alert.description(), e.getMessage());
            assertTrue(e.getMessage().contains("GREASE"), e.getMessage());
        }
    }

    /**
     * X25519MLKEM768 is in our supported_groups for TLS 1.3; a TLS 1.2 ServerKeyExchange naming it
     * is illegal_parameter (the group is TLS 1.3's only; BoringSSL refuses it the same way).
     */
    @Test
    void aTls12ServerKeyExchangeOnTheHybridGroupIsAnIllegalParameter() throws Exception {
        TestPki pki = TestPki.create(TestPki.KeyType.RSA);
        HandshakeMessage certificate = navemu.tls.core.handshake.HandshakeMessage.of(navemu.tls.core.handshake.HandshakeType.CERTIFICATE,
                new navemu.tls.core.handshake.CertificateMessage(new byte[0], List.of(
                        new navemu.tls.core.handshake.CertificateEntry(pki.leaf.getEncoded(), List.of()))).encodeTls12());
        byte[] ske = navemu.tls.core.wire.WireWriter.build(w -> {
            w.u8(3).u16(0x11ec); // named_curve X25519MLKEM768
            w.opaque8(new byte[32]);
            w.u16(0x0804).opaque16(new byte[256]);
        });
        HandshakeMessage serverKeyExchange = HandshakeMessage.of(navemu.tls.core.handshake.HandshakeType.SERVER_KEY_EXCHANGE, ske);
        try (ScriptedServerHello server = new ScriptedServerHello(tls12(new byte[0], List.of()).toMessage(), certificate, serverKeyExchange)) {
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, Duration.ofSeconds(3));
            TlsContext context = new TlsContext((r, t) -> new CertVerdict(true, null, null, null), MapSessionStore.off(), Instant.now(), null);
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient()
                    .handshake(request, SocketConnection.connect(server.port()), context, new RecordingTrace()));
            Alert alert = server.alertFromClient();
            assertNotNull(alert, "no plaintext alert reached the server: " + e.getMessage());
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, alert.description(), e.getMessage());
            assertTrue(e.getMessage().contains("TLS 1.3 only"), e.getMessage());
        }
    }

    /**
     * The certificate key must fit the TLS 1.2 suite, checked when the Certificate arrives
     * (BoringSSL ssl_check_leaf_certificate → illegal_parameter): an ECDSA suite with a P-521
     * key (not in our supported_groups) or with an RSA key, an RSA suite with an EC key.
     */
    @ParameterizedTest(name = "suite 0x{0} with a {1} certificate")
    @org.junit.jupiter.params.provider.CsvSource({"C02B, secp521r1", "C02B, RSA", "C02F, secp256r1"})
    void aCertificateKeyThatDoesNotFitTheSuiteIsAnIllegalParameter(String suite, String key) throws Exception {
        TestPki pki = key.equals("RSA") ? TestPki.create(TestPki.KeyType.RSA) : TestPki.createEcdsa(key);
        byte[] random = new byte[32];
        random[0] = 1;
        ServerHello sh = new ServerHello(0x0303, random, new byte[0], Integer.parseInt(suite, 16), 0, List.of());
        HandshakeMessage certificate = navemu.tls.core.handshake.HandshakeMessage.of(navemu.tls.core.handshake.HandshakeType.CERTIFICATE,
                new navemu.tls.core.handshake.CertificateMessage(new byte[0], List.of(
                        new navemu.tls.core.handshake.CertificateEntry(pki.leaf.getEncoded(), List.of()))).encodeTls12());
        try (ScriptedServerHello server = new ScriptedServerHello(sh.toMessage(), certificate)) {
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, Duration.ofSeconds(3));
            TlsContext context = new TlsContext((r, t) -> new CertVerdict(true, null, null, null), MapSessionStore.off(), Instant.now(), null);
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient()
                    .handshake(request, SocketConnection.connect(server.port()), context, new RecordingTrace()));
            Alert alert = server.alertFromClient();
            assertNotNull(alert, "no plaintext alert reached the server: " + e.getMessage());
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, alert.description(), e.getMessage());
            assertTrue(e.getMessage().contains("RFC 8422 §5.3") || e.getMessage().contains("needs an RSA certificate"), e.getMessage());
        }
    }

    /**
     * With nothing to resume, the browser's session id is the TLS 1.3 compatibility one (RFC 8446
     * §D.4); a TLS 1.2 server echoing it claims to resume a session that never existed. BoringSSL
     * refuses with illegal_parameter (SSL_R_SERVER_ECHOED_INVALID_SESSION_ID, crbug.com/796910)
     * rather than go on and store a session id that resumes nothing.
     */
    @Test
    void aTls12ServerEchoingTheCompatibilitySessionIdIsAnIllegalParameter() throws Exception {
        MapSessionStore sessions = MapSessionStore.memory();
        try (ScriptedServerHello server = new ScriptedServerHello(ch -> ScriptedServerHello.flight(tls12(ch.legacySessionId(), List.of()).toMessage()))) {
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, Duration.ofSeconds(3));
            TlsContext context = new TlsContext((r, t) -> new CertVerdict(true, null, null, null), sessions, Instant.now(), null);
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient()
                    .handshake(request, SocketConnection.connect(server.port()), context, new RecordingTrace()));
            Alert alert = server.alertFromClient();
            assertNotNull(alert, "no plaintext alert reached the server: " + e.getMessage());
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, alert.description(), e.getMessage());
            assertTrue(e.getMessage().contains("session id"), e.getMessage());
            assertTrue(sessions.entries.isEmpty(), "nothing stored: " + sessions.entries);
        }
    }

    /**
     * RFC 8446 §4.2.10, §D.3: a TLS 1.2 server cannot skip 0-RTT data. BoringSSL aborts with
     * protocol_version (SSL_R_WRONG_VERSION_ON_EARLY_DATA); Chromium reports -179. The alert must
     * be readable by that TLS 1.2 server: plaintext, not under the early keys.
     */
    @Test
    void aTls12AnswerToEarlyDataIsWrongVersionOnEarlyData() throws Exception {
        Failure f = answerWithTicket(MapSessionStore.memory());
        assertEquals(AlertDescription.PROTOCOL_VERSION, f.alert().description(), f.error().getMessage());
        assertEquals(NetError.ERR_WRONG_VERSION_ON_EARLY_DATA, f.error().error());
    }

    private static Failure answerWithTicket(MapSessionStore sessions) throws Exception {
        try (ScriptedServerHello server = new ScriptedServerHello(tls12(new byte[0], List.of()).toMessage())) {
            sessions.entries.put(new SessionKey(TestPki.HOST, server.port(), TestPki.HOST), new StoredSession("TLSv1.3", "psk",
                    "TLS_AES_128_GCM_SHA256", null, new byte[] {1, 2, 3, 4}, new byte[32], Instant.now(), Duration.ofHours(1),
                    7, 16384, "http/1.1", false, navemu.tls.core.testing.StoredChain.placeholder()));
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"),
                    "GET / HTTP/1.1\r\nHost: server.test\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), Duration.ofSeconds(3));
            TlsContext context = new TlsContext((r, t) -> new CertVerdict(true, null, null, null), sessions, Instant.now(), null);
            RecordingTrace trace = new RecordingTrace();
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new BrowserTlsClient()
                    .handshake(request, SocketConnection.connect(server.port()), context, trace));
            assertTrue(trace.sent.contains("early data (0-RTT)"), "the client must really have sent 0-RTT data: " + trace.sent);
            Alert alert = server.alertFromClient();
            assertNotNull(alert, "no plaintext alert reached the TLS 1.2 server: " + e.getMessage());
            return new Failure(e, alert);
        }
    }
}
