package navemu.tls.core.client;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.EphemeralKeyExchange;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.RsaKeyTransport;
import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.crypto.Tls12Prf;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.ClientKeyExchange;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.Finished;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.NewSessionTicketTls12;
import navemu.tls.core.handshake.ProtocolVersion;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.handshake.ServerHelloDone;
import navemu.tls.core.handshake.TranscriptHash;
import navemu.tls.core.record.RecordProtection;

/**
 * One TLS 1.2 client handshake (RFC 5246 §7.3), modelled on Go's {@code handshake_client.go}: a
 * little state and one {@link #handshake()} that calls the steps in the RFC's order.
 *
 * <pre>
 * full:        ClientHello → ServerHello, Certificate, [CertificateStatus], [ServerKeyExchange],
 *              ServerHelloDone → ClientKeyExchange, ChangeCipherSpec, Finished →
 *              [NewSessionTicket], ChangeCipherSpec, Finished          (2 round trips)
 * abbreviated: ClientHello (session id / ticket) → ServerHello, [NewSessionTicket],
 *              ChangeCipherSpec, Finished → ChangeCipherSpec, Finished  (1 round trip)
 * </pre>
 *
 * Key exchange: RSA (the client encrypts the pre-master secret to the certificate's key) or
 * ECDHE (RFC 8422, parameters signed by the server: {@link Tls12ServerAuthentication}).
 * Resumption (RFC 5246 §7.3, RFC 5077, {@link Tls12Sessions}): a session id or ticket from the
 * session slot is offered; the server accepts it by echoing the session id, otherwise the entry
 * is removed and the handshake goes on in full. A resumed session's stored chain is re-validated
 * by the active cert slot ({@link ResumptionCertificate}); a resumption that fails drops its
 * session. What each step means for the trace is {@link Tls12Narration}'s business.
 */
final class Tls12ClientHandshake {
    private final TlsRequest request;
    private final TlsContext context;
    private final Tls12ClientConfig config;
    private final HandshakeIo io;
    private final MessageLog log;
    private final Tls12Narration narration;
    private final Tls12Sessions sessions;
    private final TranscriptHash transcript = new TranscriptHash();

    // What the handshake has learned so far, in the order it learns it.
    private StoredSession offered;
    private ClientHello hello;
    private ServerHello serverHello;
    private Tls12CipherSuite suite;
    private Tls12Prf prf;
    private boolean resumed;
    private boolean extendedMasterSecret;
    private boolean encryptThenMac;
    private boolean serverSendsTicket;
    private String alpn;
    private Tls12ServerAuthentication.Result server;
    private CertVerdict verdict;
    private HandshakeMessage readAhead;
    private boolean certificateRequested;
    private byte[] masterSecret;
    private NewSessionTicketTls12 newTicket;
    private RecordProtection clientWrite;
    private RecordProtection serverRead;

    Tls12ClientHandshake(TlsRequest request, TlsContext context, Tls12ClientConfig config, HandshakeIo io, MessageLog log) {
        this.request = request;
        this.context = context;
        this.config = config;
        this.io = io;
        this.log = log;
        this.narration = new Tls12Narration(log);
        this.sessions = new Tls12Sessions(context == null ? null : context.sessions(), sessionKey(), config, narration);
    }

    /** What a finished handshake hands to the channel. */
    record Result(Tls12CipherSuite suite, boolean resumed, String alpn, CertVerdict verdict, NamedGroup group) {
    }

    /** RFC 5246 §7.3, Figure 1 (full) or Figure 2 (abbreviated), from the client's side. */
    Result handshake() throws IOException {
        sendClientHello();
        return continueAfterClientHello(io.expect(HandshakeType.SERVER_HELLO));
    }

    /**
     * The rest of the handshake once the ServerHello is in: for {@link #handshake()}, and for the
     * browser client, whose ClientHello offered TLS 1.3 too and whose server chose TLS 1.2.
     */
    Result continueAfterClientHello(HandshakeMessage serverHelloMessage) throws IOException {
        try {
            return continueHandshake(serverHelloMessage);
        } catch (IOException | RuntimeException e) {
            sessions.resumptionFailed(offered);
            throw e;
        }
    }

    private Result continueHandshake(HandshakeMessage serverHelloMessage) throws IOException {
        readServerHello(serverHelloMessage);
        if (resumed) {
            readNewSessionTicket();
            readServerFinished();
            sendChangeCipherSpecAndFinished();
        } else {
            server = new Tls12ServerAuthentication(io, transcript, config, context, request.host(), now(), suite, narration, log)
                    .read(hello, serverHello);
            verdict = server.verdict();
            readAhead = server.readAhead();
            readServerHelloDone();
            sendClientKeyExchange();
            sendChangeCipherSpecAndFinished();
            readNewSessionTicket();
            readServerFinished();
        }
        storeSession();
        return new Result(suite, resumed, alpn, verdict, server == null ? null : server.group());
    }

    // ---- ClientHello (§7.4.1.2) --------------------------------------------------------------

    /**
     * For the browser client: chooses the session to offer and says what TLS 1.2 adds to its
     * ClientHello (suites, extensions, the session id); the hello that went out comes back
     * through {@link #clientHelloSent}.
     */
    ClientHelloBuilder.Tls12Offer offerBesideTls13() {
        offered = sessions.toOffer(now());
        return new ClientHelloBuilder.Tls12Offer(config.cipherSuites().stream().map(Tls12CipherSuite::code).toList(),
                ClientHelloBuilder.tls12Extensions(config, sni(), request.alpn(), offered), sessions.sessionIdToOffer(offered));
    }

    private void sendClientHello() throws IOException {
        offered = sessions.toOffer(now());
        byte[] random = new byte[32];
        config.random().nextBytes(random);
        ClientHello ch = ClientHelloBuilder.tls12Only(config, random, sessions.sessionIdToOffer(offered), sni(), request.alpn(), offered);
        HandshakeMessage message = ch.toMessage();
        io.send("ClientHello", message, log.listening() ? Tls12Narration.clientHello(ch, sni(), request.alpn(), offered) : Map.of());
        io.flush();
        clientHelloSent(new Tls13ClientHandshake.SentHello(ch, message));
        narration.waitingForServerFlight(offered != null);
    }

    /** Records the ClientHello that went out (also when the browser client built and sent it). */
    void clientHelloSent(Tls13ClientHandshake.SentHello sent) {
        hello = sent.hello();
        transcript.add(sent.message());
        narration.clientHelloSent(hello, offered);
    }

    // ---- ServerHello (§7.4.1.3) --------------------------------------------------------------

    private void readServerHello(HandshakeMessage message) throws IOException {
        ServerHello sh = ServerHello.decode(message.body());
        narration.serverHelloReceived(message, sh);
        if (sh.legacyVersion() != ProtocolVersion.TLS12) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "the server chose "
                    + ProtocolVersion.nameOf(sh.legacyVersion()) + "; this client speaks only TLS 1.2 (RFC 5246 §7.4.1.3)");
        }
        io.requireRecordVersion(ProtocolVersion.TLS12);
        if (!hello.cipherSuites().contains(sh.cipherSuite()) || Tls12CipherSuite.of(sh.cipherSuite()) == null
                || !config.cipherSuites().contains(Tls12CipherSuite.of(sh.cipherSuite()))) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server chose "
                    + Tls12CipherSuite.nameOf(sh.cipherSuite()) + ", a cipher suite we did not offer (RFC 5246 §7.4.1.3)");
        }
        if (sh.legacyCompressionMethod() != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server chose compression method " + sh.legacyCompressionMethod() + "; we offered only null (RFC 5246 §7.4.1.3)");
        }
        Tls12ServerHelloExtensions.check(sh, hello);
        checkRenegotiationInfo(sh);
        serverHello = sh;
        suite = Tls12CipherSuite.of(sh.cipherSuite());
        narration.negotiated(suite); // settled from here on, and reported even if the handshake fails later
        prf = new Tls12Prf(suite.prfHash());
        transcript.useHash(suite.prfHash());
        transcript.add(message);
        extendedMasterSecret = sh.extension(ExtensionType.EXTENDED_MASTER_SECRET) != null;
        encryptThenMac = suite.isCbc() && sh.extension(ExtensionType.ENCRYPT_THEN_MAC) != null;
        serverSendsTicket = sh.extension(ExtensionType.SESSION_TICKET) != null;
        readAlpn(sh);

        // The server resumes by echoing the session id we sent (RFC 5246 §7.4.1.3, RFC 5077 §3.4).
        boolean echoed = sh.legacySessionIdEcho().length > 0 && Arrays.equals(sh.legacySessionIdEcho(), hello.legacySessionId());
        if (offered == null && echoed) {
            // We offered no session: the id was the TLS 1.3 compatibility one (RFC 8446 §D.4),
            // which names no session the server can know. BoringSSL: SSL_R_SERVER_ECHOED_INVALID_SESSION_ID.
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server echoed our session id as if resuming,"
                    + " but we offered no session to resume (RFC 5246 §7.4.1.3, RFC 8446 §D.4)");
        }
        if (offered != null && echoed) {
            resumeOffered();
        } else if (offered != null) {
            sessions.notResumed(offered);
            offered = null;
        }
        narration.serverChose(suite, resumed, extendedMasterSecret, encryptThenMac);
    }

    private void resumeOffered() throws TlsAlertException {
        if (!suite.name().equals(offered.cipherSuite())) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server resumed a session made with "
                    + offered.cipherSuite() + " under " + suite + " (RFC 5246 §7.4.1.3)");
        }
        // RFC 7627 §5.3: the extended master secret must match the original session's.
        if (offered.extendedMasterSecret() != extendedMasterSecret) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE, "the server resumed a session "
                    + (offered.extendedMasterSecret() ? "made with" : "made without") + " the extended master secret, but "
                    + (extendedMasterSecret ? "with" : "without") + " it now (RFC 7627 §5.3)");
        }
        resumed = true;
        masterSecret = offered.secret().clone();
        verdict = ResumptionCertificate.revalidate(offered, request.host(), context.validator(), now(), log);
        narration.sessionResumed();
        deriveKeys();
    }

    /** RFC 5746 §3.4: on an initial handshake, renegotiation_info must be empty. */
    private void checkRenegotiationInfo(ServerHello sh) throws TlsAlertException {
        Extension ri = sh.extension(ExtensionType.RENEGOTIATION_INFO);
        if (ri != null && (ri.data().length != 1 || ri.data()[0] != 0)) {
            throw new TlsAlertException(AlertDescription.HANDSHAKE_FAILURE,
                    "renegotiation_info in an initial handshake must have an empty renegotiated_connection (RFC 5746 §3.4)");
        }
    }

    private void readAlpn(ServerHello sh) throws TlsAlertException {
        Extension alpnExt = sh.extension(ExtensionType.ALPN);
        if (alpnExt != null) {
            List<String> chosen = Extensions.decodeAlpn(alpnExt.data());
            if (chosen.size() != 1 || !request.alpn().contains(chosen.get(0))) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "the server selected ALPN " + chosen + ", not exactly one of the protocols we offered " + request.alpn() + " (RFC 7301 §3.1)");
            }
            alpn = chosen.get(0);
            narration.alpnSelected(alpn);
        }
    }

    // ---- [CertificateRequest], ServerHelloDone (§7.4.4, §7.4.5) -------------------------------

    private void readServerHelloDone() throws IOException {
        HandshakeMessage message = readAhead != null ? readAhead : io.receive("ServerHelloDone");
        readAhead = null;
        if (message.typeCode() == HandshakeType.CERTIFICATE_REQUEST.code()) {
            narration.certificateRequestReceived(message);
            transcript.add(message);
            certificateRequested = true;
            message = io.expect(HandshakeType.SERVER_HELLO_DONE);
        } else if (message.typeCode() != HandshakeType.SERVER_HELLO_DONE.code()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected ServerHelloDone, the server sent " + message.name() + " (RFC 5246 §7.3)");
        }
        ServerHelloDone.decode(message.body());
        narration.serverHelloDoneReceived(message);
        transcript.add(message);
    }

    // ---- ClientKeyExchange (§7.4.7) and the master secret (§8.1, RFC 7627) ----------------------

    private void sendClientKeyExchange() throws IOException {
        if (certificateRequested) {
            HandshakeMessage empty = HandshakeMessage.of(HandshakeType.CERTIFICATE, new byte[] {0, 0, 0});
            io.send("Certificate", empty, Tls12Narration.emptyCertificate());
            transcript.add(empty);
        }
        byte[] preMasterSecret;
        HandshakeMessage message;
        Map<String, String> fields;
        if (suite.keyExchange() == Tls12CipherSuite.KeyExchange.RSA) {
            // client_version is the version we offered, so a rollback shows in the decrypted secret (§7.4.7.1).
            preMasterSecret = RsaKeyTransport.newPreMasterSecret(hello.legacyVersion(), config.random());
            narration.rsaPreMasterSecret(preMasterSecret);
            byte[] encrypted = RsaKeyTransport.encrypt(server.leaf().publicKey(), preMasterSecret, config.random());
            message = ClientKeyExchange.rsa(encrypted).toMessage();
            fields = Tls12Narration.rsaClientKeyExchange(encrypted.length);
        } else {
            EphemeralKeyExchange kx = EphemeralKeyExchange.generate(server.group(), config.random());
            preMasterSecret = kx.sharedSecret(server.serverKeyExchange().point());
            narration.ecdhePreMasterSecret(preMasterSecret, server.group());
            message = ClientKeyExchange.ecdhe(kx.publicKey()).toMessage();
            fields = Tls12Narration.ecdheClientKeyExchange(kx.publicKey().length, server.group());
        }
        io.send("ClientKeyExchange", message, fields);
        transcript.add(message);
        if (extendedMasterSecret) {
            // session_hash: the transcript up to and including ClientKeyExchange (RFC 7627 §3).
            masterSecret = prf.extendedMasterSecret(preMasterSecret, transcript.current());
        } else {
            masterSecret = prf.masterSecret(preMasterSecret, hello.random(), serverHello.random());
        }
        narration.masterSecret(masterSecret);
        deriveKeys();
    }

    /** key_block (§6.3) → record protection both ways; the NSS key log gets CLIENT_RANDOM. */
    private void deriveKeys() {
        Tls12KeyBlock keys = Tls12KeyBlock.derive(prf, masterSecret, hello.random(), serverHello.random(), suite);
        clientWrite = keys.clientWrite(suite, encryptThenMac, config.random());
        serverRead = keys.serverRead(suite, encryptThenMac, config.random());
        narration.keyBlock(keys, hello.random(), masterSecret, suite);
    }

    // ---- ChangeCipherSpec and Finished (§7.1, §7.4.9) ----------------------------------------

    private void sendChangeCipherSpecAndFinished() throws IOException {
        io.sendChangeCipherSpec(Map.of());
        io.changeWriteKeys(clientWrite);
        byte[] verifyData = prf.finishedVerifyData(masterSecret, true, transcript.current());
        HandshakeMessage message = new Finished(verifyData).toMessage();
        io.send("Finished", message, log.listening() ? Tls12Narration.finished(verifyData) : Map.of());
        io.flush();
        transcript.add(message);
        narration.ourFinishedSent(resumed);
    }

    /** RFC 5077 §3.3: a NewSessionTicket comes just before the server's ChangeCipherSpec when promised. */
    private void readNewSessionTicket() throws IOException {
        if (!serverSendsTicket) {
            return;
        }
        HandshakeMessage message = io.expect(HandshakeType.NEW_SESSION_TICKET);
        newTicket = NewSessionTicketTls12.decode(message.body());
        narration.newSessionTicketReceived(message, newTicket);
        transcript.add(message);
    }

    private void readServerFinished() throws IOException {
        io.expectChangeCipherSpec(serverRead);
        byte[] expected = prf.finishedVerifyData(masterSecret, false, transcript.current());
        HandshakeMessage message = io.expect(HandshakeType.FINISHED);
        Finished finished = Finished.decode(message.body());
        narration.serverFinishedReceived(message, finished.verifyData());
        // Constant time: a timing difference must not tell how much of verify_data was right.
        if (!MessageDigest.isEqual(expected, finished.verifyData())) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
                    "the server's Finished does not match our transcript and master secret (RFC 5246 §7.4.9)");
        }
        transcript.add(message);
        narration.serverFinishedVerified(suite.keyExchange() == Tls12CipherSuite.KeyExchange.RSA && !resumed);
    }

    // ---- the session slot ------------------------------------------------------------------

    private void storeSession() {
        if (!sessions.anythingToKeep(resumed, serverHello.legacySessionIdEcho(), newTicket)) {
            return;
        }
        Instant now = now();
        SessionCertificate certificate = resumed
                ? ResumptionCertificate.toKeep(offered.certificate().chain(), offered.certificate().stapledOcsp(),
                        offered.certificate().keyExchange(), verdict, now, log)
                : ResumptionCertificate.toKeep(server.chain(), server.stapledOcsp(), Tls12ServerAuthentication.keyExchange(suite),
                        verdict, now, log);
        sessions.store(serverHello.legacySessionIdEcho(), newTicket, certificate, suite, masterSecret, alpn,
                extendedMasterSecret, now);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The server_name we send (see {@link ClientHelloBuilder#serverName}). */
    String sni() {
        return ClientHelloBuilder.serverName(request.host());
    }

    private SessionKey sessionKey() {
        return new SessionKey(request.host(), request.port(), sni());
    }

    Instant now() {
        return context.now() != null ? context.now() : Instant.now();
    }
}
