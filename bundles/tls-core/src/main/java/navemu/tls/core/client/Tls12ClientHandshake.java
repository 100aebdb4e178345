package navemu.tls.core.client;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bouncycastle.util.encoders.Hex;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.host.Host;
import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.EphemeralKeyExchange;
import navemu.tls.core.crypto.LeafCertificate;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.RsaKeyTransport;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.crypto.Tls12Prf;
import navemu.tls.core.handshake.CertificateMessage;
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
import navemu.tls.core.handshake.ServerKeyExchangeEcdhe;
import navemu.tls.core.handshake.TranscriptHash;
import navemu.tls.core.record.RecordProtection;
import navemu.tls.core.record.Tls12AeadProtection;
import navemu.tls.core.record.Tls12CbcProtection;
import navemu.tls.core.wire.WireReader;

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
 * ECDHE (RFC 8422, parameters signed by the server). Resumption (RFC 5246 §7.3, RFC 5077): a
 * session id or ticket from the session slot is offered; the server accepts it by echoing
 * the session id, otherwise the entry is removed and the handshake goes on in full. A resumed
 * session's stored chain is re-validated by the active cert slot ({@link ResumptionCertificate});
 * a resumption that fails drops its session.
 */
public final class Tls12ClientHandshake {
    private final TlsRequest request;
    private final TlsContext context;
    private final Tls12ClientConfig config;
    private final HandshakeIo io;
    private final MessageLog log;
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
    private List<byte[]> chain;
    private LeafCertificate leaf;
    private byte[] stapledOcsp;
    private CertVerdict verdict;
    private ServerKeyExchangeEcdhe serverKeyExchange;
    private NamedGroup group;
    private boolean certificateRequested;
    private byte[] masterSecret;
    private NewSessionTicketTls12 newTicket;
    private RecordProtection clientWrite;
    private RecordProtection serverRead;
    /**
     * RFC 5077 §3.3's ticket_lifetime_hint is a uint32 of seconds and sets no limit; a ticket is
     * kept at most as long as RFC 8446 §4.6.1 allows a TLS 1.3 one.
     */
    private static final Duration MAX_TICKET_LIFETIME = Duration.ofDays(7);
    /** A message read ahead by an optional step (CertificateStatus) that belongs to the next one. */
    private HandshakeMessage lookahead;

    public Tls12ClientHandshake(TlsRequest request, TlsContext context, Tls12ClientConfig config, HandshakeIo io,
                                MessageLog log) {
        this.request = request;
        this.context = context;
        this.config = config;
        this.io = io;
        this.log = log;
    }

    /** What a finished handshake hands to the channel. */
    public record Result(Tls12CipherSuite suite, boolean resumed, String alpn, CertVerdict verdict, NamedGroup group) {
    }

    /** RFC 5246 §7.3, Figure 1 (full) or Figure 2 (abbreviated), from the client's side. */
    public Result handshake() throws IOException {
        sendClientHello();
        return continueAfterClientHello(io.expect(HandshakeType.SERVER_HELLO));
    }

    /**
     * The rest of the handshake once the ServerHello is in: for {@link #handshake()}, and for a
     * client that sent its own ClientHello (browser) and found that the server chose TLS 1.2.
     */
    public Result continueAfterClientHello(HandshakeMessage serverHelloMessage) throws IOException {
        try {
            return continueHandshake(serverHelloMessage);
        } catch (IOException | RuntimeException e) {
            dropFailedResumption();
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
            readCertificate();
            readCertificateStatus();
            readServerKeyExchange();
            readServerHelloDone();
            sendClientKeyExchange();
            sendChangeCipherSpecAndFinished();
            readNewSessionTicket();
            readServerFinished();
        }
        storeSession();
        return new Result(suite, resumed, alpn, verdict, group);
    }

    // ---- ClientHello (§7.4.1.2) --------------------------------------------------------------

    /** The session to offer, if the session slot has one for exactly this host, port and SNI. */
    public void chooseSessionToOffer() {
        SessionStore sessions = context.sessions();
        if (sessions == null) {
            return;
        }
        try {
            Optional<StoredSession> found = sessions.find(sessionKey(), now())
                    .filter(s -> "TLSv1.2".equals(s.version()))
                    .filter(StoredSession::resumable)
                    .filter(s -> Tls12CipherSuite.byName(s.cipherSuite()) != null
                            && config.cipherSuites().contains(Tls12CipherSuite.byName(s.cipherSuite())));
            offered = found.orElse(null);
        } catch (RuntimeException e) {
            log.info("the session slot failed to answer (" + e + "): full handshake");
        }
    }

    /** The legacy_session_id to send: the stored id, a fresh one beside a ticket (RFC 5077 §3.4), else empty. */
    public byte[] sessionIdToOffer() {
        if (offered == null) {
            return new byte[0];
        }
        if (offered.ticket() != null) {
            byte[] id = new byte[32];
            config.random().nextBytes(id);
            return id;
        }
        return offered.sessionId().clone();
    }

    /** The TLS 1.2 extensions of the ClientHello (the browser adds its TLS 1.3 ones to these). */
    public List<Extension> clientHelloExtensions() {
        List<Extension> ext = new ArrayList<>();
        if (sni() != null) {
            ext.add(Extensions.serverName(sni()));
        }
        ext.add(new Extension(ExtensionType.EXTENDED_MASTER_SECRET, new byte[0]));
        // An empty renegotiated_connection: we support secure renegotiation's signalling (RFC 5746 §3.4).
        ext.add(new Extension(ExtensionType.RENEGOTIATION_INFO, new byte[] {0}));
        ext.add(new Extension(ExtensionType.SESSION_TICKET,
                offered != null && offered.ticket() != null ? offered.ticket().clone() : new byte[0]));
        if (config.offersEcdhe()) {
            ext.add(Extensions.supportedGroups(config.supportedGroups().stream().map(NamedGroup::code).toList()));
            ext.add(new Extension(ExtensionType.EC_POINT_FORMATS, new byte[] {1, 0})); // uncompressed only (RFC 8422 §5.1.2)
        }
        ext.add(Extensions.signatureAlgorithms(config.signatureAlgorithms().stream().map(SignatureScheme::code).toList()));
        if (!request.alpn().isEmpty()) {
            ext.add(Extensions.alpn(request.alpn()));
        }
        ext.add(Extensions.statusRequestOcsp());
        if (config.offersCbc()) {
            ext.add(new Extension(ExtensionType.ENCRYPT_THEN_MAC, new byte[0]));
        }
        return ext;
    }

    private void sendClientHello() throws IOException {
        chooseSessionToOffer();
        byte[] random = new byte[32];
        config.random().nextBytes(random);
        ClientHello ch = new ClientHello(ProtocolVersion.TLS12, random, sessionIdToOffer(),
                config.cipherSuites().stream().map(Tls12CipherSuite::code).toList(), new byte[] {0}, clientHelloExtensions());
        HandshakeMessage message = ch.toMessage();
        io.send("ClientHello", message, helloFields(ch));
        io.flush();
        clientHelloSent(ch, message);
        log.trace().roundTrip("ClientHello sent; waiting for the server's flight ("
                + (offered != null ? "ServerHello … Finished if it resumes, else " : "") + "ServerHello … ServerHelloDone)");
    }

    /** Records the ClientHello that went out (also when another client built and sent it). */
    public void clientHelloSent(ClientHello ch, HandshakeMessage encoded) {
        hello = ch;
        transcript.add(encoded);
        log.info("hello: ClientHello sent with " + ch.cipherSuites().size() + " cipher suites"
                + (offered != null ? ", resuming a " + offered.kind() + " session from " + offered.created() : ""));
    }

    public Map<String, String> helloFields(ClientHello ch) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client_version", "TLSv1.2");
        f.put("random", Hex.toHexString(ch.random()));
        f.put("session_id", ch.legacySessionId().length == 0 ? "(empty)" : Hex.toHexString(ch.legacySessionId()));
        f.put("cipher_suites", ch.cipherSuites().stream().map(Tls12CipherSuite::nameOf).collect(Collectors.joining(", ")));
        if (sni() != null) {
            f.put("server_name", sni());
        }
        if (!request.alpn().isEmpty()) {
            f.put("alpn", String.join(", ", request.alpn()));
        }
        if (offered != null && offered.ticket() != null) {
            f.put("session_ticket", offered.ticket().length + " bytes");
        }
        f.put("extensions", Extension.names(ch.extensions()));
        return f;
    }

    // ---- ServerHello (§7.4.1.3) --------------------------------------------------------------

    private void readServerHello(HandshakeMessage message) throws IOException {
        ServerHello sh = ServerHello.decode(message.body());
        log.received("ServerHello", message.length(), serverHelloFields(sh));
        if (sh.legacyVersion() != ProtocolVersion.TLS12) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "the server chose "
                    + ProtocolVersion.nameOf(sh.legacyVersion()) + "; this client speaks only TLS 1.2 (RFC 5246 §7.4.1.3)");
        }
        io.records.requireRecordVersion(ProtocolVersion.TLS12);
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
        // Settled from here on, and reported even if the handshake fails later.
        log.negotiated("TLSv1.2", suite.name(), suite.keyExchange().name().startsWith("ECDHE") ? "ECDHE" : "RSA", null);
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
            // Only this session goes: the host's TLS 1.3 tickets are another server state.
            context.sessions().remove(sessionKey(), offered);
            log.info("the server did not resume the offered " + offered.kind() + " (new session id): entry removed, full handshake");
            offered = null;
        }
        log.info("server chose TLS 1.2, " + suite + (resumed ? ", resuming" : "")
                + (extendedMasterSecret ? ", extended master secret (RFC 7627)" : "")
                + (encryptThenMac ? ", encrypt-then-MAC (RFC 7366)" : ""));
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
        log.info("the server echoed our session id: abbreviated handshake with the stored master secret (RFC 5246 §7.3, Figure 2)");
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
            log.alpn(alpn);
        }
    }

    // ---- Certificate (§7.4.2) → the cert slot ------------------------------------------------

    private void readCertificate() throws IOException {
        HandshakeMessage message = io.expect(HandshakeType.CERTIFICATE);
        CertificateMessage certificate = CertificateMessage.decodeTls12(message.body());
        if (certificate.entries().isEmpty()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "the server sent an empty Certificate message (RFC 5246 §7.4.2)");
        }
        chain = certificate.chain();
        leaf = LeafCertificate.parse(chain.get(0));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("certificates", String.valueOf(chain.size()));
        fields.put("leaf", leaf.subject());
        fields.put("issuer", leaf.issuer());
        log.received("Certificate", message.length(), fields);
        Tls12ServerKey.check(leaf.publicKey(), suite, config.supportedGroups());
        log.info("certificate: the server presents " + leaf.subject() + ", issued by " + leaf.issuer());
        transcript.add(message);
    }

    /**
     * CertificateStatus (RFC 6066 §8): only when we asked and the server said it would send one,
     * and even then the server MAY leave it out; then the message read is the next step's.
     */
    private void readCertificateStatus() throws IOException {
        if (serverHello.extension(ExtensionType.STATUS_REQUEST) != null) {
            HandshakeMessage message = io.receive("CertificateStatus");
            if (message.typeCode() != HandshakeType.CERTIFICATE_STATUS.code()) {
                lookahead = message;
                log.info("the server promised a stapled OCSP response but sent none (allowed, RFC 6066 §8)");
                validateCertificate();
                return;
            }
            WireReader r = new WireReader(message.body(), "CertificateStatus");
            int type = r.u8();
            if (type != 1) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "CertificateStatus type " + type + "; only ocsp(1) (RFC 6066 §8)");
            }
            stapledOcsp = r.opaque24();
            r.expectEnd();
            log.received("CertificateStatus", message.length(), Map.of("ocsp_response", stapledOcsp.length + " bytes"));
            transcript.add(message);
        }
        validateCertificate();
    }

    private void validateCertificate() throws IOException {
        verdict = CertificateSlot.judge(context, new ValidationRequest(chain, request.host(), now(), keyExchange(), stapledOcsp), log.trace());
        log.info("verification: the cert slot accepted the chain" + (verdict.error() != null ? " despite " + verdict.error() + ": " + verdict.reason() : ""));
    }

    // ---- ServerKeyExchange (RFC 8422 §5.4), ECDHE suites only --------------------------------

    private void readServerKeyExchange() throws IOException {
        if (!suite.keyExchange().ephemeral()) {
            return;
        }
        HandshakeMessage message = next(HandshakeType.SERVER_KEY_EXCHANGE);
        ServerKeyExchangeEcdhe ske = ServerKeyExchangeEcdhe.decode(message.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("named_curve", NamedGroup.nameOf(ske.namedCurve()));
        fields.put("public", ske.point().length + " bytes");
        fields.put("signature_algorithm", SignatureScheme.nameOf(ske.signatureAlgorithm()));
        log.received("ServerKeyExchange", message.length(), fields);
        NamedGroup curve = NamedGroup.of(ske.namedCurve());
        if (curve == null || !config.supportedGroups().contains(curve)) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ServerKeyExchange uses "
                    + NamedGroup.nameOf(ske.namedCurve()) + ", not one of our supported_groups (RFC 8422 §5.4)");
        }
        SignatureScheme scheme = SignatureScheme.of(ske.signatureAlgorithm());
        if (scheme == null || !config.signatureAlgorithms().contains(scheme) || scheme == SignatureScheme.ED25519) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ServerKeyExchange is signed with "
                    + SignatureScheme.nameOf(ske.signatureAlgorithm()) + ", which we did not offer (RFC 5246 §7.4.1.4.1)");
        }
        boolean ecdsaSuite = suite.keyExchange() == Tls12CipherSuite.KeyExchange.ECDHE_ECDSA;
        if (ecdsaSuite != scheme.rfcName().startsWith("ecdsa")) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, scheme.rfcName()
                    + " does not match the cipher suite's authentication " + suite.keyExchange() + " (RFC 8422 §5.4)");
        }
        byte[] signed = ske.signedContent(hello.random(), serverHello.random());
        if (!scheme.verifyTls12(leaf.publicKey(), signed, ske.signature())) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR, "the ServerKeyExchange signature (" + scheme.rfcName()
                    + ") does not verify with the key of " + leaf.subject() + " (RFC 8422 §5.4)");
        }
        log.info("ServerKeyExchange: the server signed its " + curve + " key with the certificate's key (" + scheme.rfcName() + " verified)");
        serverKeyExchange = ske;
        group = curve;
        log.group(curve.rfcName());
        transcript.add(message);
    }

    private void readServerHelloDone() throws IOException {
        HandshakeMessage message = lookahead != null ? lookahead : io.receive("ServerHelloDone");
        lookahead = null;
        if (message.typeCode() == HandshakeType.CERTIFICATE_REQUEST.code()) {
            log.received("CertificateRequest", message.length(), Map.of("note", "no client certificate configured: an empty Certificate will be sent"));
            transcript.add(message);
            certificateRequested = true;
            message = io.expect(HandshakeType.SERVER_HELLO_DONE);
        } else if (message.typeCode() != HandshakeType.SERVER_HELLO_DONE.code()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected ServerHelloDone, the server sent " + message.name() + " (RFC 5246 §7.3)");
        }
        ServerHelloDone.decode(message.body());
        log.received("ServerHelloDone", message.length(), Map.of());
        transcript.add(message);
    }

    // ---- ClientKeyExchange (§7.4.7) and the master secret (§8.1, RFC 7627) ----------------------

    private void sendClientKeyExchange() throws IOException {
        if (certificateRequested) {
            HandshakeMessage empty = HandshakeMessage.of(HandshakeType.CERTIFICATE, new byte[] {0, 0, 0});
            io.send("Certificate", empty, Map.of("certificates", "0 (no client certificate)"));
            transcript.add(empty);
        }
        byte[] preMasterSecret;
        HandshakeMessage message;
        Map<String, String> fields = new LinkedHashMap<>();
        if (suite.keyExchange() == Tls12CipherSuite.KeyExchange.RSA) {
            // client_version is the version we offered, so a rollback shows in the decrypted secret (§7.4.7.1).
            preMasterSecret = RsaKeyTransport.newPreMasterSecret(hello.legacyVersion(), config.random());
            log.secret("pre_master_secret", preMasterSecret);
            log.info("pre-master secret: 48 bytes (client_version 0x0303 + 46 random), encrypted with the server's RSA key (PKCS#1 v1.5)");
            byte[] encrypted = RsaKeyTransport.encrypt(leaf.publicKey(), preMasterSecret, config.random());
            message = ClientKeyExchange.rsa(encrypted).toMessage();
            fields.put("encrypted_pre_master_secret", encrypted.length + " bytes (RSA PKCS#1 v1.5)");
        } else {
            EphemeralKeyExchange kx = EphemeralKeyExchange.generate(group, config.random());
            preMasterSecret = kx.sharedSecret(serverKeyExchange.point());
            log.secret("pre_master_secret", preMasterSecret);
            log.info("pre-master secret: the " + group + " shared secret of our ephemeral key and the server's");
            message = ClientKeyExchange.ecdhe(kx.publicKey()).toMessage();
            fields.put("public", kx.publicKey().length + " bytes (" + group + ")");
        }
        io.send("ClientKeyExchange", message, fields);
        transcript.add(message);
        if (extendedMasterSecret) {
            // session_hash: the transcript up to and including ClientKeyExchange (RFC 7627 §3).
            masterSecret = prf.extendedMasterSecret(preMasterSecret, transcript.current());
        } else {
            masterSecret = prf.masterSecret(preMasterSecret, hello.random(), serverHello.random());
        }
        log.secret("master_secret", masterSecret);
        deriveKeys();
    }

    /** key_block (§6.3) → record protection both ways; the NSS key log gets CLIENT_RANDOM. */
    private void deriveKeys() {
        log.keyLog("CLIENT_RANDOM", hello.random(), masterSecret);
        byte[] block = prf.keyBlock(masterSecret, hello.random(), serverHello.random(), suite.keyBlockLength());
        int mac = suite.macKeyLength();
        int key = suite.encryptionKeyLength();
        int iv = suite.fixedIvLength();
        int at = 0;
        byte[] clientMac = Arrays.copyOfRange(block, at, at += mac);
        byte[] serverMac = Arrays.copyOfRange(block, at, at += mac);
        byte[] clientKey = Arrays.copyOfRange(block, at, at += key);
        byte[] serverKey = Arrays.copyOfRange(block, at, at += key);
        byte[] clientIv = Arrays.copyOfRange(block, at, at += iv);
        byte[] serverIv = Arrays.copyOfRange(block, at, at += iv);
        if (suite.isCbc()) {
            log.secret("client_write_MAC_key", clientMac);
            log.secret("server_write_MAC_key", serverMac);
            clientWrite = new Tls12CbcProtection(clientKey, clientMac, suite.prfHash(), encryptThenMac, config.random());
            serverRead = new Tls12CbcProtection(serverKey, serverMac, suite.prfHash(), encryptThenMac, config.random());
        } else {
            clientWrite = new Tls12AeadProtection(suite.aead(), clientKey, clientIv);
            serverRead = new Tls12AeadProtection(suite.aead(), serverKey, serverIv);
            log.secret("client_write_IV", clientIv);
            log.secret("server_write_IV", serverIv);
        }
        log.secret("client_write_key", clientKey);
        log.secret("server_write_key", serverKey);
        log.info("session keys: the key block (" + block.length + " bytes, PRF " + suite.prfHash()
                + ") gives each side its own write key" + (suite.isCbc() ? " and MAC key" : " and IV"));
    }

    // ---- ChangeCipherSpec and Finished (§7.1, §7.4.9) ----------------------------------------

    private void sendChangeCipherSpecAndFinished() throws IOException {
        io.records.writeChangeCipherSpec();
        log.sentRecord("ChangeCipherSpec", 1, Map.of());
        io.records.setWriteProtection(clientWrite);
        byte[] verifyData = prf.finishedVerifyData(masterSecret, true, transcript.current());
        HandshakeMessage message = new Finished(verifyData).toMessage();
        io.send("Finished", message, Map.of("verify_data", Hex.toHexString(verifyData)));
        io.flush();
        transcript.add(message);
        if (resumed) {
            log.info("finished: our Finished goes out; the abbreviated handshake is complete (1 round trip)");
        } else {
            log.trace().roundTrip("ClientKeyExchange, ChangeCipherSpec, Finished sent; waiting for the server's ChangeCipherSpec and Finished");
        }
    }

    /** RFC 5077 §3.3: a NewSessionTicket comes just before the server's ChangeCipherSpec when promised. */
    private void readNewSessionTicket() throws IOException {
        if (!serverSendsTicket) {
            return;
        }
        HandshakeMessage message = io.expect(HandshakeType.NEW_SESSION_TICKET);
        newTicket = NewSessionTicketTls12.decode(message.body());
        log.received("NewSessionTicket", message.length(), Map.of("ticket_lifetime_hint", newTicket.ticketLifetimeHint() + " s",
                "ticket", newTicket.ticket().length + " bytes"));
        transcript.add(message);
    }

    private void readServerFinished() throws IOException {
        io.expectChangeCipherSpec();
        io.records.setReadProtection(serverRead);
        byte[] expected = prf.finishedVerifyData(masterSecret, false, transcript.current());
        HandshakeMessage message = io.expect(HandshakeType.FINISHED);
        Finished finished = Finished.decode(message.body());
        log.received("Finished", message.length(), Map.of("verify_data", Hex.toHexString(finished.verifyData())));
        // Constant time: a timing difference must not tell how much of verify_data was right.
        if (!MessageDigest.isEqual(expected, finished.verifyData())) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
                    "the server's Finished does not match our transcript and master secret (RFC 5246 §7.4.9)");
        }
        transcript.add(message);
        if (suite.keyExchange() == Tls12CipherSuite.KeyExchange.RSA && !resumed) {
            log.info("decryption by the server: its Finished is keyed with the master secret, so it decrypted our pre-master secret with its private key");
        }
        log.info("finished: the server's Finished verified; both sides saw the same handshake");
    }

    // ---- the session slot ------------------------------------------------------------------

    private void storeSession() {
        SessionStore sessions = context.sessions();
        boolean newTicketToKeep = newTicket != null && newTicket.ticket().length > 0;
        boolean newIdToKeep = !resumed && serverHello.legacySessionIdEcho().length > 0;
        if (sessions == null || !(newTicketToKeep || newIdToKeep)) {
            return;
        }
        Instant now = now();
        SessionCertificate certificate = resumed
                ? ResumptionCertificate.toKeep(offered.certificate().chain(), offered.certificate().stapledOcsp(),
                        offered.certificate().keyExchange(), verdict, now, log)
                : ResumptionCertificate.toKeep(chain, stapledOcsp, keyExchange(), verdict, now, log);
        if (certificate == null) {
            return;
        }
        StoredSession session;
        if (newTicketToKeep) {
            session = new StoredSession("TLSv1.2", "ticket", suite.name(), null, newTicket.ticket(), masterSecret,
                    now, ticketLifetime(), 0, 0, alpn, extendedMasterSecret, certificate);
        } else {
            session = new StoredSession("TLSv1.2", "session-id", suite.name(), serverHello.legacySessionIdEcho(), null,
                    masterSecret, now, config.sessionIdLifetime(), 0, 0, alpn, extendedMasterSecret, certificate);
        }
        try {
            sessions.put(sessionKey(), session);
            log.info("session stored for " + sessionKey() + " (" + session.kind() + ", valid " + session.lifetime().toSeconds()
                    + " s, with the server's chain to re-validate on resumption)");
        } catch (RuntimeException e) {
            log.info("the session slot could not store the session: " + e);
        }
    }

    /** The hint (0: unspecified, RFC 5077 §3.3, then the client's own limit), never more than 7 days. */
    private Duration ticketLifetime() {
        long hint = newTicket.ticketLifetimeHint();
        Duration lifetime = hint > 0 ? Duration.ofSeconds(hint) : config.sessionIdLifetime();
        if (lifetime.compareTo(MAX_TICKET_LIFETIME) > 0) {
            log.info("ticket_lifetime_hint " + hint + " s is over 7 days: the ticket is kept for 7 days (RFC 8446 §4.6.1's limit)");
            return MAX_TICKET_LIFETIME;
        }
        return lifetime;
    }

    /**
     * A handshake that failed after offering a session (the server resumed it and then broke a
     * rule, or its stored chain no longer validates) drops that session: offering it again
     * would fail again. The host's other sessions stay.
     */
    private void dropFailedResumption() {
        if (offered == null || context.sessions() == null) {
            return;
        }
        try {
            context.sessions().remove(sessionKey(), offered);
            log.info("the handshake failed while resuming the stored " + offered.kind() + ": that session is dropped");
        } catch (RuntimeException e) {
            log.info("the session slot could not drop the failed session: " + e);
        }
    }

    private HandshakeMessage next(HandshakeType expected) throws IOException {
        HandshakeMessage m = lookahead;
        lookahead = null;
        if (m == null) {
            return io.expect(expected);
        }
        if (m.typeCode() != expected.code()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected " + expected.messageName() + ", the server sent " + m.name());
        }
        return m;
    }

    // ---- helpers -----------------------------------------------------------------------------

    /**
     * SNI carries DNS names only, never IP literals (RFC 6066 §3), in A-labels with no trailing
     * dot; the URL's host parser decides which is which ({@code 1.2.3} is an address).
     */
    public String sni() {
        String host = request.host();
        return host == null ? null : Host.serverNameFor(host).orElse(null);
    }

    /** What the leaf key does in this suite (ValidationRequest's keyExchange). */
    private String keyExchange() {
        return suite.keyExchange() == Tls12CipherSuite.KeyExchange.RSA ? "RSA" : "ECDHE";
    }

    public SessionKey sessionKey() {
        return new SessionKey(request.host(), request.port(), sni());
    }

    public Instant now() {
        return context.now() != null ? context.now() : Instant.now();
    }

    private static Map<String, String> serverHelloFields(ServerHello sh) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", ProtocolVersion.nameOf(sh.legacyVersion()));
        f.put("random", Hex.toHexString(sh.random()));
        f.put("session_id", sh.legacySessionIdEcho().length == 0 ? "(empty)" : Hex.toHexString(sh.legacySessionIdEcho()));
        f.put("cipher_suite", Tls12CipherSuite.nameOf(sh.cipherSuite()));
        f.put("extensions", Extension.names(sh.extensions()));
        return f;
    }
}
