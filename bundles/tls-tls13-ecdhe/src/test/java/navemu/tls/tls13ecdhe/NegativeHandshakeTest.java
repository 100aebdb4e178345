package navemu.tls.tls13ecdhe;

import navemu.tls.core.testing.TestPki;
import navemu.tls.core.testing.SocketConnection;
import navemu.tls.core.client.Tls13ClientConfig;
import navemu.tls.core.client.Tls13Client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import navemu.api.NavigationException;
import navemu.api.NetError;
import navemu.api.result.TlsInfo;
import navemu.api.tls.HandshakeFailedException;
import navemu.api.tls.SecureChannel;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.tls13ecdhe.ScriptedTls13Server.Misbehaviour;
import navemu.tls.tls13ecdhe.ScriptedTls13Server.Outcome;

/**
 * Each way a server can break the handshake gives the alert RFC 8446 §6.2 names — checked on the
 * wire by the scripted server — and the browser error the result shows.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NegativeHandshakeTest {
    private static TestPki pki;

    @BeforeAll
    static void makeCertificates() {
        pki = TestPki.create(TestPki.KeyType.ECDSA);
    }

    private record Failure(NavigationException error, Outcome server) {
    }

    private static Failure failAgainst(Misbehaviour misbehaviour, Duration readTimeout) throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, misbehaviour)) {
            Exchange x = new Exchange(pki);
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"), null, readTimeout);
            NavigationException e = assertThrows(NavigationException.class, () -> new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(request, SocketConnection.connect(server.port()), x.context(), x.trace));
            return new Failure(e, server.outcome());
        }
    }

    private static Failure failAgainst(Misbehaviour misbehaviour) throws Exception {
        return failAgainst(misbehaviour, Duration.ofSeconds(5));
    }

    @Test
    void theScriptedServerIsAValidPeerWhenItBehaves() throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Misbehaviour.NONE)) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            assertTrue(x.response.endsWith("scripted hello"), x.response);
            Outcome o = server.outcome();
            assertTrue(o.request().startsWith("GET / HTTP/1.1"), String.valueOf(o));
            assertTrue(o.closeNotifyFromClient(), "the client answers close_notify with its own (RFC 8446 §6.1)");
        }
    }

    @Test
    void aTamperedServerFinishedIsADecryptError() throws Exception {
        Failure f = failAgainst(Misbehaviour.TAMPERED_FINISHED);
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
        assertEquals(AlertDescription.DECRYPT_ERROR, f.server().alertFromClient());
        assertTrue(f.error().getMessage().contains("Finished"), f.error().getMessage());
    }

    @Test
    void aCertificateVerifyThatDoesNotVerifyIsADecryptError() throws Exception {
        Failure f = failAgainst(Misbehaviour.BAD_CERTIFICATE_VERIFY_SIGNATURE);
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
        assertEquals(AlertDescription.DECRYPT_ERROR, f.server().alertFromClient());
        assertTrue(f.error().getMessage().contains("CertificateVerify"), f.error().getMessage());
    }

    @Test
    void aMessageOutOfOrderIsAnUnexpectedMessage() throws Exception {
        Failure f = failAgainst(Misbehaviour.CERTIFICATE_BEFORE_ENCRYPTED_EXTENSIONS);
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.server().alertFromClient());
        assertTrue(f.error().getMessage().contains("expected EncryptedExtensions, the server sent Certificate"), f.error().getMessage());
    }

    @Test
    void applicationDataBeforeTheServersFinishedIsAnUnexpectedMessage() throws Exception {
        Failure f = failAgainst(Misbehaviour.APPLICATION_DATA_BEFORE_FINISHED);
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.server().alertFromClient());
        assertTrue(f.error().getMessage().contains("expected Finished"), f.error().getMessage());
    }

    @Test
    void aChangeCipherSpecAfterTheServersFinishedIsAnUnexpectedMessage() throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Misbehaviour.CHANGE_CIPHER_SPEC_AFTER_FINISHED)) {
            Exchange x = new Exchange(pki);
            SecureChannel channel = new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(Exchange.request(server.port()), SocketConnection.connect(server.port()), x.context(), x.trace);
            IOException e = assertThrows(IOException.class, () -> channel.input().read());
            assertTrue(e.getMessage().contains("change_cipher_spec"), e.getMessage());
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, server.outcome().alertFromClient());
            channel.close();
        }
    }

    @Test
    void aTruncatedRecordIsADecodeError() throws Exception {
        Failure f = failAgainst(Misbehaviour.TRUNCATED_RECORD);
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
        assertEquals(AlertDescription.DECODE_ERROR, f.server().alertFromClient());
        assertTrue(f.error().getMessage().contains("truncated record"), f.error().getMessage());
    }

    @Test
    void aRecordOverTwoToTheFourteenIsARecordOverflow() throws Exception {
        Failure f = failAgainst(Misbehaviour.OVERSIZED_RECORD);
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
        assertEquals(AlertDescription.RECORD_OVERFLOW, f.server().alertFromClient());
    }

    @Test
    void anEncryptedRecordOverTheLimitIsARecordOverflowToo() throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Misbehaviour.OVERSIZED_ENCRYPTED_RECORD)) {
            Exchange x = new Exchange(pki);
            SecureChannel channel = new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(Exchange.request(server.port()), SocketConnection.connect(server.port()), x.context(), x.trace);
            IOException e = assertThrows(IOException.class, () -> channel.input().read());
            assertTrue(e.getMessage().contains("exceeds the limit of 16640"), e.getMessage());
            assertEquals(AlertDescription.RECORD_OVERFLOW, server.outcome().alertFromClient());
            channel.close();
        }
    }

    @Test
    void aServerThatClosesMidHandshakeIsConnectionClosedWithoutAnAlert() throws Exception {
        Failure f = failAgainst(Misbehaviour.CLOSE_AFTER_SERVER_HELLO);
        assertEquals(NetError.ERR_CONNECTION_CLOSED, f.error().error());
        assertTrue(f.error().getMessage().contains("EncryptedExtensions"), "says what it waited for: " + f.error().getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithoutHanging() throws Exception {
        long start = System.nanoTime();
        Failure f = failAgainst(Misbehaviour.SILENT, Duration.ofMillis(400));
        assertEquals(NetError.ERR_TIMED_OUT, f.error().error());
        assertTrue(f.error().getMessage().contains("ServerHello"), f.error().getMessage());
        assertNull(f.server().alertFromClient(), "nothing to tell a silent server; the connection is closed");
        assertTrue(f.server().clientClosed());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20);
    }

    @Test
    void aCipherSuiteWeDidNotOfferIsAnIllegalParameter() throws Exception {
        Failure f = failAgainst(Misbehaviour.UNOFFERED_CIPHER_SUITE);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.server().alertFromClient());
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
    }

    @Test
    void aServerThatPicksTls12IsAProtocolVersionMismatch() throws Exception {
        Failure f = failAgainst(Misbehaviour.TLS12_SERVER_HELLO);
        assertEquals(AlertDescription.PROTOCOL_VERSION, f.server().alertFromClient());
        assertEquals(NetError.ERR_SSL_VERSION_OR_CIPHER_MISMATCH, f.error().error());
    }

    @Test
    void aServerHelloRefusedOnArrivalLeavesNothingNegotiatedButNamesTheAlertAndWhy() throws Exception {
        Failure f = failAgainst(Misbehaviour.TLS12_SERVER_HELLO);
        TlsInfo partial = ((HandshakeFailedException) f.error()).partial();
        assertNull(partial.version(), "the ServerHello was refused: no version was negotiated");
        assertNull(partial.cipherSuite());
        assertNull(partial.keyExchange());
        assertEquals("ServerHello", partial.failedAt());
        assertEquals("protocol_version", partial.alertSent());
        assertTrue(partial.alertReason() != null && !partial.alertReason().isBlank());
    }

    @Test
    void anExpiredCertificateKeepsTheNegotiatedVersionSuiteGroupAndAlpnInThePartialResult() throws Exception {
        TestPki expired = TestPki.create(TestPki.KeyType.ECDSA, Instant.now().minus(Duration.ofDays(20)),
                Instant.now().minus(Duration.ofDays(10)));
        try (ScriptedTls13Server server = new ScriptedTls13Server(expired, Misbehaviour.NONE)) {
            Exchange x = new Exchange(expired);
            HandshakeFailedException e = assertThrows(HandshakeFailedException.class, () -> new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(Exchange.request(server.port()), SocketConnection.connect(server.port()), x.context(), x.trace));
            TlsInfo partial = e.partial();
            assertEquals("TLSv1.3", partial.version());
            assertEquals("TLS_AES_128_GCM_SHA256", partial.cipherSuite());
            assertEquals("x25519", partial.group());
            assertEquals("ECDHE", partial.keyExchange());
            assertEquals("http/1.1", partial.alpn());
            assertEquals("certificate_expired", partial.alertSent());
            assertEquals("Certificate", partial.failedAt());
            assertTrue(partial.messages().stream().noneMatch(m -> m.type().equals("Finished")), String.valueOf(partial.messages()));
            assertEquals(AlertDescription.CERTIFICATE_EXPIRED, server.outcome().alertFromClient());
        }
    }

    @Test
    void aChainFromAnUnknownRootIsUnknownCaWithTheCertSlotsError() throws Exception {
        TestPki stranger = TestPki.create(TestPki.KeyType.ECDSA);
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Misbehaviour.NONE)) {
            Exchange x = new Exchange(stranger);
            NavigationException e = assertThrows(NavigationException.class, () -> new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(Exchange.request(server.port()), SocketConnection.connect(server.port()), x.context(), x.trace));
            assertEquals(NetError.ERR_CERT_AUTHORITY_INVALID, e.error());
            assertEquals(AlertDescription.UNKNOWN_CA, server.outcome().alertFromClient());
        }
    }

    @Test
    void anExpiredCertificateIsCertificateExpiredWithTheCertSlotsError() throws Exception {
        TestPki expired = TestPki.create(TestPki.KeyType.ECDSA, Instant.now().minus(Duration.ofDays(20)),
                Instant.now().minus(Duration.ofDays(10)));
        try (ScriptedTls13Server server = new ScriptedTls13Server(expired, Misbehaviour.NONE)) {
            Exchange x = new Exchange(expired);
            NavigationException e = assertThrows(NavigationException.class, () -> new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(Exchange.request(server.port()), SocketConnection.connect(server.port()), x.context(), x.trace));
            assertEquals(NetError.ERR_CERT_DATE_INVALID, e.error());
            assertEquals(AlertDescription.CERTIFICATE_EXPIRED, server.outcome().alertFromClient());
        }
    }

    @Test
    void keyUpdateRequestedIsAnsweredAndNewKeysAreUsedBothWays() throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Misbehaviour.KEY_UPDATE_REQUESTED)) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            assertTrue(x.response.endsWith("scripted hello"), x.response);
            Outcome o = server.outcome();
            assertTrue(o.clientKeyUpdate(), "the client answered KeyUpdate(update_not_requested) (RFC 8446 §4.6.3)");
            assertTrue(o.request().startsWith("GET /"), o.request());
            assertTrue(o.closeNotifyFromClient(), "the client's close_notify decrypted under its updated keys");
            assertTrue(x.trace.sent.contains("KeyUpdate"));
            assertTrue(x.trace.secrets.containsKey("server_application_traffic_secret_N+1"));
        }
    }

    // ---- the record layer (RFC 8446 §5, §6) ----------------------------------------------------

    /** The handshake completes; the first read of application data must fail with this alert. */
    private static IOException readFailsAfterHandshake(Misbehaviour misbehaviour, AlertDescription expected) throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, misbehaviour)) {
            Exchange x = new Exchange(pki);
            SecureChannel channel = new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(Exchange.request(server.port()), SocketConnection.connect(server.port()), x.context(), x.trace);
            IOException e = assertThrows(IOException.class, () -> channel.input().read());
            assertEquals(expected, server.outcome().alertFromClient(), String.valueOf(server.outcome()));
            channel.close();
            return e;
        }
    }

    @Test
    void aPlaintextCloseNotifyAfterTheHandshakeIsATruncationAttemptNotAnEnd() throws Exception {
        IOException e = readFailsAfterHandshake(Misbehaviour.PLAINTEXT_CLOSE_NOTIFY_AFTER_HANDSHAKE, AlertDescription.UNEXPECTED_MESSAGE);
        assertTrue(e.getMessage().contains("unprotected alert"), e.getMessage());
    }

    @Test
    void aPlaintextCloseNotifyAfterAKeyUpdateIsUnexpectedToo() throws Exception {
        IOException e = readFailsAfterHandshake(Misbehaviour.PLAINTEXT_CLOSE_NOTIFY_AFTER_KEY_UPDATE, AlertDescription.UNEXPECTED_MESSAGE);
        assertTrue(e.getMessage().contains("unprotected alert"), e.getMessage());
    }

    @Test
    void theCompatibilityChangeCipherSpecAfterServerHelloIsStillDropped() throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Misbehaviour.MIDDLEBOX_CHANGE_CIPHER_SPEC)) {
            Exchange x = new Exchange(pki).run(Tls13ClientConfig.defaults(), server.port());
            assertTrue(x.response.endsWith("scripted hello"), x.response);
        }
    }

    @Test
    void anEmptyEncryptedHandshakeRecordIsAnUnexpectedMessage() throws Exception {
        Failure f = failAgainst(Misbehaviour.EMPTY_ENCRYPTED_HANDSHAKE_RECORD);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.server().alertFromClient());
        assertTrue(f.error().getMessage().contains("zero-length handshake record"), f.error().getMessage());
    }

    @Test
    void anAlertInsideAFragmentedHandshakeMessageIsAnUnexpectedMessage() throws Exception {
        Failure f = failAgainst(Misbehaviour.ALERT_INSIDE_FRAGMENTED_MESSAGE);
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.server().alertFromClient());
        assertTrue(f.error().getMessage().contains("inside a fragmented handshake message"), f.error().getMessage());
    }

    @Test
    void userCanceledIsToleratedOnlyAFewTimesInARow() throws Exception {
        IOException e = readFailsAfterHandshake(Misbehaviour.FIVE_USER_CANCELED_AFTER_HANDSHAKE, AlertDescription.UNEXPECTED_MESSAGE);
        assertTrue(e.getMessage().contains("in a row"), e.getMessage());
    }

    @Test
    void aWarningLevelAlertOtherThanCloseNotifyOrUserCanceledIsAnErrorInTls13() throws Exception {
        IOException e = readFailsAfterHandshake(Misbehaviour.WARNING_ALERT_AFTER_HANDSHAKE, null);
        assertTrue(e instanceof navemu.tls.core.alert.PeerAlertException, e.toString());
        assertTrue(e.getMessage().contains("unrecognized_name"), e.getMessage());
    }

    /** Fuzz findings: a leaf whose names are malformed DER is bad_certificate, not a Java exception and internal_error. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Misbehaviour.class, names = {"LEAF_SUBJECT_INVALID_UTF8", "LEAF_SUBJECT_TYPE_NOT_AN_OID"})
    void aLeafWithMalformedNamesIsABadCertificate(Misbehaviour mutation) throws Exception {
        Failure f = failAgainst(mutation);
        assertEquals(AlertDescription.BAD_CERTIFICATE, f.server().alertFromClient(), f.error().getMessage());
        assertEquals(NetError.ERR_SSL_SERVER_CERT_BAD_FORMAT, f.error().error());
        assertTrue(f.error().getMessage().contains("not valid DER X.509"), f.error().getMessage());
    }

    /** The cert slot's contract says it never throws; the TLS boundary holds even when one does. */
    @Test
    void aCertSlotThatThrowsOnTheChainIsABadCertificateNotAnInternalError() throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, Misbehaviour.NONE)) {
            navemu.api.tls.TlsContext context = new navemu.api.tls.TlsContext((request, trace) -> {
                throw new IllegalArgumentException("Invalid UTF-8 input");
            }, null, Instant.now(), null);
            NavigationException e = assertThrows(NavigationException.class, () -> new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(Exchange.request(server.port()), SocketConnection.connect(server.port()), context, null));
            assertEquals(NetError.ERR_CERT_INVALID, e.error());
            assertEquals(AlertDescription.BAD_CERTIFICATE, server.outcome().alertFromClient(), e.getMessage());
        }
    }

    /** RFC 8446 §4.3.1, §4.2: what EncryptedExtensions may carry, and its bodies. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} → {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "ENCRYPTED_EXTENSIONS_WITH_KEY_SHARE, ILLEGAL_PARAMETER",
            "ENCRYPTED_EXTENSIONS_WITH_UNOFFERED_EXTENSION, UNSUPPORTED_EXTENSION",
            "ENCRYPTED_EXTENSIONS_SERVER_NAME_NOT_EMPTY, DECODE_ERROR",
            "ENCRYPTED_EXTENSIONS_TRAILING_BYTE, DECODE_ERROR",
            // §4.3.2; BoringSSL sends decode_error for both (tls13_client.cc, do_read_certificate_request)
            "CERTIFICATE_REQUEST_WITH_CONTEXT, DECODE_ERROR",
            "CERTIFICATE_REQUEST_WITHOUT_SIGNATURE_ALGORITHMS, DECODE_ERROR",
    })
    void encryptedExtensionsAndCertificateRequestAreValidated(Misbehaviour misbehaviour, AlertDescription alert) throws Exception {
        Failure f = failAgainst(misbehaviour);
        assertEquals(alert, f.server().alertFromClient(), f.error().getMessage());
        assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, f.error().error());
    }

    /**
     * RFC 8446 §4.2.10: a server accepting early data must have kept the ticket's cipher suite and
     * ALPN protocol. BoringSSL checks both on the client (SSL_R_CIPHER_MISMATCH_ON_EARLY_DATA,
     * SSL_R_ALPN_MISMATCH_ON_EARLY_DATA) with illegal_parameter.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "EARLY_DATA_ACCEPTED_UNDER_ANOTHER_SUITE, http/1.1, TLS_CHACHA20_POLY1305_SHA256",
            "EARLY_DATA_ACCEPTED_WITH_ANOTHER_ALPN, , selected http/1.1",
    })
    void earlyDataAcceptedUnderOtherTermsThanTheTicketsIsAnIllegalParameter(Misbehaviour misbehaviour, String ticketAlpn,
                                                                              String named) throws Exception {
        try (ScriptedTls13Server server = new ScriptedTls13Server(pki, misbehaviour)) {
            Exchange x = new Exchange(pki);
            x.sessions.put(new navemu.api.session.SessionKey(TestPki.HOST, server.port(), TestPki.HOST),
                    new navemu.api.session.StoredSession("TLSv1.3", "psk", "TLS_AES_128_GCM_SHA256", null, new byte[] {1, 2, 3},
                            ScriptedTls13Server.TICKET_PSK, Instant.now(), Duration.ofHours(1), 0, 16384, ticketAlpn, false,
                            new navemu.api.session.SessionCertificate(List.of(pki.leaf.getEncoded()), null, "ECDHE", "test",
                                    "accepted (test)", Instant.now())));
            TlsRequest request = new TlsRequest(TestPki.HOST, server.port(), List.of("http/1.1"),
                    "GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), Duration.ofSeconds(5));
            NavigationException e = assertThrows(NavigationException.class, () -> new Tls13Client(Tls13ClientConfig.defaults())
                    .handshake(request, SocketConnection.connect(server.port()), x.context(), x.trace));
            assertTrue(x.trace.sent.contains("early data (0-RTT)"), "0-RTT data was sent: " + x.trace.sent);
            assertEquals(AlertDescription.ILLEGAL_PARAMETER, server.outcome().alertFromClient(), e.getMessage());
            assertEquals(NetError.ERR_SSL_PROTOCOL_ERROR, e.error());
            assertTrue(e.getMessage().contains("accepted early data") && e.getMessage().contains(named), e.getMessage());
        }
    }
}
