package navemu.tls.core.client;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.util.encoders.Hex;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.host.Host;
import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.StoredSession;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.EphemeralKeyExchange;
import navemu.tls.core.crypto.LeafCertificate;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.CertificateEntry;
import navemu.tls.core.handshake.CertificateMessage;
import navemu.tls.core.handshake.CertificateRequest;
import navemu.tls.core.handshake.CertificateVerify;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.EncryptedExtensions;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.Finished;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.KeyShareEntry;
import navemu.tls.core.handshake.ProtocolVersion;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.handshake.TranscriptHash;
import navemu.tls.core.keyschedule.EarlySecret;
import navemu.tls.core.keyschedule.HandshakeSecret;
import navemu.tls.core.keyschedule.MasterSecret;
import navemu.tls.core.keyschedule.TrafficSecret;
import navemu.tls.core.record.Tls13RecordProtection;

/**
 * One TLS 1.3 client handshake (RFC 8446 §2, full handshake with (EC)DHE), modelled on Go's
 * {@code handshake_client_tls13.go}: a little state and one {@link #handshake()} that calls the
 * steps in the RFC's order. Each step does one protocol thing and throws a
 * {@link TlsAlertException} naming the alert to send when the server breaks a rule.
 *
 * <p>Resumption (§2.2): a stored ticket is offered in pre_shared_key (last, with its binder);
 * when the server accepts it there is no Certificate message, and the ticket's stored chain is
 * re-validated by the active cert slot instead ({@link ResumptionCertificate}).
 */
public final class Tls13ClientHandshake {
    private final TlsRequest request;
    private final TlsContext context;
    private final Tls13ClientConfig config;
    private final HandshakeIo io;
    private final MessageLog log;
    private final TranscriptHash transcript = new TranscriptHash();

    // What the handshake has learned so far, in the order it learns it.
    private ClientHello hello;
    private int[] offeredVersions = {ProtocolVersion.TLS13};
    /** The TLS 1.3 ticket offered (taken from the session slot: single use), its suite and early secret. */
    private StoredSession offeredTicket;
    private Tls13CipherSuite ticketSuite;
    private EarlySecret ticketEarlySecret;
    private boolean resumed;
    private final EarlyData earlyData;
    private final Map<NamedGroup, EphemeralKeyExchange> keyShares = new LinkedHashMap<>();
    private boolean sentDummyChangeCipherSpec;
    private ServerHello helloRetryRequest;
    private ServerHello serverHello;
    private Tls13CipherSuite suite;
    private NamedGroup group;
    private TrafficSecret clientHandshakeSecret;
    private TrafficSecret serverHandshakeSecret;
    private MasterSecret masterSecret;
    private String alpn;
    private byte[] certificateRequestContext;
    private List<byte[]> chain;
    private byte[] stapledOcsp;
    private LeafCertificate leaf;
    private CertVerdict verdict;
    /** What tickets of this connection keep of the server's chain; null when they may not be kept. */
    private SessionCertificate sessionCertificate;
    private TrafficSecret clientApplicationSecret;
    private TrafficSecret serverApplicationSecret;

    public Tls13ClientHandshake(TlsRequest request, TlsContext context, Tls13ClientConfig config, HandshakeIo io, MessageLog log) {
        this.request = request;
        this.context = context;
        this.config = config;
        this.io = io;
        this.log = log;
        this.earlyData = new EarlyData(io, log);
    }

    /** RFC 8446 §2, Figure 1, from the client's side. */
    public Tls13Channel.Keys handshake() throws IOException {
        sendClientHello();
        return continueAfterServerHello(io.expect(HandshakeType.SERVER_HELLO));
    }

    /**
     * The rest of the handshake once the first ServerHello (or HelloRetryRequest) is in: for
     * {@link #handshake()}, and for a client that sent a ClientHello offering several versions
     * (browser) and found that the server chose TLS 1.3.
     */
    public Tls13Channel.Keys continueAfterServerHello(HandshakeMessage first) throws IOException {
        readServerHello(first);
        establishHandshakeKeys();
        readEncryptedExtensions();
        if (resumed) {
            // §2.2: with a PSK the server proves itself by its Finished alone; the stored chain is re-validated now, as Chrome does.
            if (verdict == null) { // not yet re-validated before 0-RTT data
                verdict = ResumptionCertificate.revalidate(offeredTicket, request.host(), context.validator(), now(), log);
            }
            SessionCertificate stored = offeredTicket.certificate();
            sessionCertificate = ResumptionCertificate.toKeep(stored.chain(), stored.stapledOcsp(), stored.keyExchange(), verdict, now(), log);
        } else {
            readCertificate();
            readCertificateVerify();
            sessionCertificate = ResumptionCertificate.toKeep(chain, stapledOcsp, "ECDHE", verdict, now(), log);
        }
        readServerFinished();
        sendClientFinished();
        return new Tls13Channel.Keys(suite, clientApplicationSecret, serverApplicationSecret,
                masterSecret.resumptionMasterSecret(transcript.current()), alpn, verdict, hello.random(), earlyData.accepted(),
                sessionCertificate);
    }

    // ---- ClientHello (§4.1.2) ----------------------------------------------------------------

    private void sendClientHello() throws IOException {
        byte[] random = new byte[32];
        config.random().nextBytes(random);
        // A non-empty legacy_session_id puts us in middlebox compatibility mode (§D.4).
        byte[] sessionId = new byte[32];
        config.random().nextBytes(sessionId);
        ClientHello ch = buildClientHello(random, sessionId, List.of(), List.of(), ProtocolVersion.TLS13);
        HandshakeMessage message = ch.toMessage();
        io.send("ClientHello", message, helloFields(ch));
        io.flush();
        clientHelloSent(ch, message);
        log.trace().roundTrip("ClientHello sent; waiting for the server's flight (ServerHello … Finished)");
    }

    /**
     * The ClientHello with this client's TLS 1.3 offer (key shares are made here), plus cipher
     * suites and extensions of other versions a multi-version client adds (each extension type
     * once: ours win, the extra ones go before psk_key_exchange_modes).
     *
     * @param versions supported_versions, most preferred first
     */
    public ClientHello buildClientHello(byte[] random, byte[] sessionId, List<Integer> extraCipherSuites,
                                        List<Extension> extraExtensions, int... versions) {
        offeredVersions = versions.clone();
        takeTicketToOffer();
        List<KeyShareEntry> shares = new ArrayList<>();
        for (NamedGroup g : config.keyShareGroups()) {
            EphemeralKeyExchange kx = EphemeralKeyExchange.generate(g, config.random());
            keyShares.put(g, kx);
            shares.add(new KeyShareEntry(g.code(), kx.publicKey()));
        }
        List<Extension> ext = new ArrayList<>();
        if (sni() != null) {
            ext.add(Extensions.serverName(sni()));
        }
        ext.add(Extensions.supportedVersions(versions));
        ext.add(Extensions.supportedGroups(config.supportedGroups().stream().map(NamedGroup::code).toList()));
        ext.add(Extensions.keyShareClientHello(shares));
        ext.add(Extensions.signatureAlgorithms(config.signatureAlgorithms().stream().map(SignatureScheme::code).toList()));
        if (!request.alpn().isEmpty()) {
            ext.add(Extensions.alpn(request.alpn()));
        }
        ext.add(Extensions.statusRequestOcsp());
        for (Extension extra : extraExtensions) {
            if (Extension.find(ext, extra.type()) == null) {
                ext.add(extra);
            }
        }
        if (EarlyData.mayOffer(offeredTicket, request, log)) {
            ext.add(Extensions.earlyData());
        }
        // psk_dhe_ke only: a resumed session still gets forward secrecy (§4.2.9).
        ext.add(Extensions.pskKeyExchangeModes(Extensions.PSK_DHE_KE));
        List<Integer> suites = new ArrayList<>(config.cipherSuites().stream().map(Tls13CipherSuite::code).toList());
        suites.addAll(extraCipherSuites);
        ClientHello ch = new ClientHello(ProtocolVersion.TLS12, random, sessionId, suites, new byte[] {0}, ext);
        return offeredTicket == null ? ch : withPskOffer(ch, null);
    }

    /** A TLS 1.3 ticket stored for exactly this host, port and SNI, taken out: a ticket is used once (RFC 8446 §C.4). */
    private void takeTicketToOffer() {
        if (context.sessions() == null) {
            return;
        }
        try {
            SessionKey key = new SessionKey(request.host(), request.port(), sni());
            boolean tls13Newest = context.sessions().find(key, now()).filter(s -> "TLSv1.3".equals(s.version())).isPresent();
            if (!tls13Newest) {
                return;
            }
            StoredSession ticket = context.sessions().take(key, now()).orElse(null);
            if (ticket != null && !ticket.resumable()) {
                log.info("the stored TLS 1.3 ticket has no certificate chain to re-validate: not offered, full handshake");
                return;
            }
            Tls13CipherSuite s = ticket == null ? null : Tls13CipherSuite.of(codeOf(ticket.cipherSuite()));
            if (s == null || !config.cipherSuites().contains(s) || ticket.ticket() == null) {
                return;
            }
            offeredTicket = ticket;
            ticketSuite = s;
            ticketEarlySecret = EarlySecret.fromPsk(s.hash(), ticket.secret());
            log.info("offering the stored TLS 1.3 ticket (" + ticket.ticket().length + " bytes, " + s + ") for PSK resumption with psk_dhe_ke");
        } catch (RuntimeException e) {
            log.info("the session slot failed to answer (" + e + "): full handshake");
        }
    }

    private static int codeOf(String suiteName) {
        for (Tls13CipherSuite s : Tls13CipherSuite.values()) {
            if (s.name().equals(suiteName)) {
                return s.code();
            }
        }
        return -1;
    }

    /**
     * The ClientHello with pre_shared_key last (RFC 8446 §4.2.11): the ticket with its
     * obfuscated age (milliseconds since it was received + ticket_age_add, mod 2^32), and the
     * binder, an HMAC over the transcript up to the ClientHello truncated before the binders
     * (§4.2.11.2). {@code transcriptSoFar} is null for the first ClientHello; after a
     * HelloRetryRequest it is the running transcript (message_hash, HelloRetryRequest).
     */
    private ClientHello withPskOffer(ClientHello ch, TranscriptHash transcriptSoFar) {
        long ageMillis = Math.max(0, java.time.Duration.between(offeredTicket.created(), now()).toMillis());
        long obfuscatedAge = (ageMillis + offeredTicket.ticketAgeAdd()) & 0xffffffffL;
        List<Extensions.PskIdentity> identities = List.of(new Extensions.PskIdentity(offeredTicket.ticket(), obfuscatedAge));
        List<byte[]> placeholder = List.of(new byte[ticketSuite.hash().length()]);
        ClientHello withPlaceholder = ch.withoutExtension(ExtensionType.PRE_SHARED_KEY)
                .withExtension(Extensions.preSharedKeyOffer(identities, placeholder));
        byte[] encoded = withPlaceholder.toMessage().encode();
        byte[] truncated = Arrays.copyOf(encoded, encoded.length - Extensions.bindersLength(placeholder));
        byte[] binderHash = transcriptSoFar == null ? ticketSuite.hash().hash(truncated) : transcriptSoFar.currentWith(truncated);
        byte[] binder = ticketEarlySecret.binderFinishedKey(true).verifyData(binderHash);
        log.secret("psk_binder", binder);
        return withPlaceholder.withExtension(Extensions.preSharedKeyOffer(identities, List.of(binder)));
    }

    /** Records the ClientHello that went out (also when another client built and sent it). */
    public void clientHelloSent(ClientHello ch, HandshakeMessage encoded) throws IOException {
        hello = ch;
        transcript.add(encoded);
        if (ch.extension(ExtensionType.EARLY_DATA) != null) {
            // As BoringSSL (reverify on resume): the stored chain is re-validated before any 0-RTT data leaves.
            verdict = ResumptionCertificate.revalidate(offeredTicket, request.host(), context.validator(), now(), log);
            earlyData.send(offeredTicket, ticketSuite, ticketEarlySecret, encoded, ch.random(), request.earlyData(),
                    this::sendDummyChangeCipherSpec);
        }
    }

    public Instant now() {
        return context.now() != null ? context.now() : Instant.now();
    }

    // ---- ServerHello and HelloRetryRequest (§4.1.3, §4.1.4) ----------------------------------

    private void readServerHello(HandshakeMessage message) throws IOException {
        ServerHello sh = ServerHello.decode(message.body());
        if (sh.isHelloRetryRequest()) {
            log.received("HelloRetryRequest", message.length(), serverHelloFields(sh));
            processHelloRetryRequest(sh, message);
            message = io.expect(HandshakeType.SERVER_HELLO);
            sh = ServerHello.decode(message.body());
            if (sh.isHelloRetryRequest()) {
                log.received("HelloRetryRequest", message.length(), serverHelloFields(sh));
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        "a second HelloRetryRequest; the server may ask only once (RFC 8446 §4.1.4)");
            }
        }
        log.received("ServerHello", message.length(), serverHelloFields(sh));
        checkServerHelloOrHelloRetryRequest(sh);
        if (helloRetryRequest != null && sh.cipherSuite() != helloRetryRequest.cipherSuite()) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the ServerHello's cipher suite "
                    + Tls13CipherSuite.nameOf(sh.cipherSuite()) + " differs from the HelloRetryRequest's (RFC 8446 §4.1.4)");
        }
        Extension keyShare = sh.extension(ExtensionType.KEY_SHARE);
        if (keyShare == null) {
            throw new TlsAlertException(AlertDescription.MISSING_EXTENSION,
                    "ServerHello has no key_share; without a PSK, (EC)DHE is the only key exchange (RFC 8446 §4.2.8, §9.2)");
        }
        KeyShareEntry share = Extensions.decodeKeyShareServerHello(keyShare.data());
        NamedGroup chosen = NamedGroup.of(share.group());
        if (chosen == null || !keyShares.containsKey(chosen)) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server's key_share is for "
                    + NamedGroup.nameOf(share.group()) + ", a group we sent no share for (RFC 8446 §4.2.8)");
        }
        serverHello = sh;
        suite = Tls13CipherSuite.of(sh.cipherSuite());
        group = chosen;
        acceptOrForgetTicket(sh);
        transcript.useHash(suite.hash());
        transcript.add(message);
        log.negotiated("TLSv1.3", suite.name(), "ECDHE", group.rfcName());
        log.info("server chose TLS 1.3, " + suite + ", key exchange " + group + (resumed ? ", resuming with our ticket (PSK)" : ""));
    }

    /** §4.2.11: a selected PSK must be one we offered, with a suite of the same hash. */
    private void acceptOrForgetTicket(ServerHello sh) throws TlsAlertException {
        Extension psk = sh.extension(ExtensionType.PRE_SHARED_KEY);
        if (psk == null) {
            if (offeredTicket != null) {
                log.info("the server did not accept our ticket: full handshake (the ticket was used up either way)");
            }
            return;
        }
        int selected = Extensions.decodeSelectedIdentity(psk.data());
        if (offeredTicket == null || selected != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "the server selected PSK identity " + selected + ", which we did not offer (RFC 8446 §4.2.11)");
        }
        if (suite.hash() != ticketSuite.hash()) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server resumed a " + ticketSuite
                    + " ticket under " + suite + ", whose hash differs (RFC 8446 §4.2.11)");
        }
        resumed = true;
    }

    /** The checks a ServerHello and a HelloRetryRequest share (§4.1.3, §4.1.4, §4.2). */
    private void checkServerHelloOrHelloRetryRequest(ServerHello sh) throws TlsAlertException {
        Extension versions = sh.extension(ExtensionType.SUPPORTED_VERSIONS);
        if (versions == null) {
            throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, "the server chose "
                    + ProtocolVersion.nameOf(sh.legacyVersion()) + "; this client speaks only TLS 1.3 (no supported_versions in ServerHello, RFC 8446 §4.2.1)");
        }
        int selected = Extensions.decodeSelectedVersion(versions.data());
        if (selected != ProtocolVersion.TLS13) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "supported_versions selects "
                    + ProtocolVersion.nameOf(selected) + ", which we did not offer (RFC 8446 §4.2.1)");
        }
        if (sh.legacyVersion() != ProtocolVersion.TLS12) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    String.format("legacy_version must be 0x0303 in TLS 1.3, got 0x%04x (RFC 8446 §4.1.3)", sh.legacyVersion()));
        }
        if (!Arrays.equals(sh.legacySessionIdEcho(), hello.legacySessionId())) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "legacy_session_id_echo does not echo our session id (RFC 8446 §4.1.3)");
        }
        if (sh.legacyCompressionMethod() != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "legacy_compression_method must be 0, got " + sh.legacyCompressionMethod() + " (RFC 8446 §4.1.3)");
        }
        if (!hello.cipherSuites().contains(sh.cipherSuite()) || Tls13CipherSuite.of(sh.cipherSuite()) == null) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server chose "
                    + Tls13CipherSuite.nameOf(sh.cipherSuite()) + ", a cipher suite we did not offer (RFC 8446 §4.1.3)");
        }
        Set<Integer> allowed = sh.isHelloRetryRequest()
                ? Set.of(ExtensionType.KEY_SHARE, ExtensionType.SUPPORTED_VERSIONS, ExtensionType.COOKIE)
                : Set.of(ExtensionType.KEY_SHARE, ExtensionType.SUPPORTED_VERSIONS, ExtensionType.PRE_SHARED_KEY);
        checkExtensions(sh.messageName(), sh.extensions(), allowed, Set.of(ExtensionType.COOKIE));
    }

    /**
     * §4.2: an extension we did not offer is an unsupported_extension (the cookie of a
     * HelloRetryRequest excepted); one we offered but that does not belong in this message is
     * an illegal_parameter.
     */
    private void checkExtensions(String messageName, List<Extension> received, Set<Integer> allowed,
                                 Set<Integer> unsolicitedAllowed) throws TlsAlertException {
        for (Extension e : received) {
            boolean offered = hello.extension(e.type()) != null;
            if (!offered && !unsolicitedAllowed.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.UNSUPPORTED_EXTENSION,
                        messageName + " carries " + e.name() + ", which we did not offer (RFC 8446 §4.2)");
            }
            if (!allowed.contains(e.type())) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        e.name() + " is not allowed in " + messageName + " (RFC 8446 §4.2)");
            }
        }
    }

    private void processHelloRetryRequest(ServerHello hrr, HandshakeMessage message) throws IOException {
        checkServerHelloOrHelloRetryRequest(hrr);
        Extension keyShare = hrr.extension(ExtensionType.KEY_SHARE);
        Extension cookie = hrr.extension(ExtensionType.COOKIE);
        if (keyShare == null && cookie == null) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "HelloRetryRequest asks for nothing that would change the ClientHello (RFC 8446 §4.1.4)");
        }
        helloRetryRequest = hrr;
        ClientHello second = hello.withoutExtension(ExtensionType.EARLY_DATA);
        if (keyShare != null) {
            int code = Extensions.decodeKeyShareHelloRetryRequest(keyShare.data());
            NamedGroup wanted = NamedGroup.of(code);
            if (wanted == null || !config.supportedGroups().contains(wanted)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest asks for "
                        + NamedGroup.nameOf(code) + ", which is not in our supported_groups (RFC 8446 §4.2.8)");
            }
            if (keyShares.containsKey(wanted)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest asks for "
                        + wanted + ", for which we already sent a key share (RFC 8446 §4.2.8)");
            }
            keyShares.clear();
            EphemeralKeyExchange kx = EphemeralKeyExchange.generate(wanted, config.random());
            keyShares.put(wanted, kx);
            second = second.withExtension(Extensions.keyShareClientHello(List.of(new KeyShareEntry(wanted.code(), kx.publicKey()))));
            log.info("HelloRetryRequest: the server wants a key share for " + wanted + "; sending a second ClientHello");
        }
        if (cookie != null) {
            second = second.withExtension(Extensions.cookie(Extensions.decodeCookie(cookie.data())));
        }
        // §4.4.1: ClientHello1 is replaced by message_hash(Hash(ClientHello1)) in the transcript.
        Tls13CipherSuite hrrSuite = Tls13CipherSuite.of(hrr.cipherSuite());
        transcript.useHash(hrrSuite.hash());
        transcript.replaceWithMessageHash();
        transcript.add(message);
        if (offeredTicket != null) {
            // §4.1.2: a new binder over the new transcript, or no PSK if its hash does not fit the suite.
            second = hrrSuite.hash() == ticketSuite.hash() ? withPskOffer(second, transcript)
                    : second.withoutExtension(ExtensionType.PRE_SHARED_KEY);
        }

        sendDummyChangeCipherSpec();
        earlyData.rejectedByHelloRetryRequest();
        hello = second;
        HandshakeMessage secondMessage = second.toMessage();
        io.send("ClientHello", secondMessage, helloFields(second));
        io.flush();
        transcript.add(secondMessage);
        log.trace().roundTrip("second ClientHello sent after HelloRetryRequest; waiting for ServerHello");
    }

    /** Middlebox compatibility (§D.4): one unprotected change_cipher_spec before our second flight. */
    private void sendDummyChangeCipherSpec() throws IOException {
        if (sentDummyChangeCipherSpec) {
            return;
        }
        sentDummyChangeCipherSpec = true;
        io.records.writeChangeCipherSpec();
        log.sentRecord("ChangeCipherSpec", 1, Map.of("note", "dummy, for middlebox compatibility (RFC 8446 §D.4)"));
    }

    // ---- Key schedule: handshake traffic keys (§7.1, §7.3) -----------------------------------

    private void establishHandshakeKeys() throws IOException {
        byte[] serverShare = Extensions.decodeKeyShareServerHello(serverHello.extension(ExtensionType.KEY_SHARE).data()).keyExchange();
        byte[] shared = keyShares.get(group).sharedSecret(serverShare);
        EarlySecret early = resumed ? ticketEarlySecret : EarlySecret.withoutPsk(suite.hash());
        HandshakeSecret handshakeSecret = early.handshakeSecret(shared);
        byte[] helloHash = transcript.current();
        clientHandshakeSecret = handshakeSecret.clientHandshakeTrafficSecret(helloHash);
        serverHandshakeSecret = handshakeSecret.serverHandshakeTrafficSecret(helloHash);
        masterSecret = handshakeSecret.masterSecret();

        log.secret("(EC)DHE shared secret (" + group + ")", shared);
        log.secret("early_secret", early.secret());
        log.secret("handshake_secret", handshakeSecret.secret());
        log.secret("client_handshake_traffic_secret", clientHandshakeSecret.secret());
        log.secret("server_handshake_traffic_secret", serverHandshakeSecret.secret());
        log.keyLog("CLIENT_HANDSHAKE_TRAFFIC_SECRET", hello.random(), clientHandshakeSecret.secret());
        log.keyLog("SERVER_HANDSHAKE_TRAFFIC_SECRET", hello.random(), serverHandshakeSecret.secret());
        var serverKeys = serverHandshakeSecret.trafficKeys(suite.aead());
        var clientKeys = clientHandshakeSecret.trafficKeys(suite.aead());
        log.secret("server_handshake_write_key", serverKeys.key());
        log.secret("server_handshake_write_iv", serverKeys.iv());
        log.secret("client_handshake_write_key", clientKeys.key());
        log.secret("client_handshake_write_iv", clientKeys.iv());

        io.assembler.checkKeyChangeBoundary("ServerHello");
        io.records.setReadProtection(new Tls13RecordProtection(suite.aead(), serverKeys));
        // From here on our records (Finished, or an alert) are protected too; the dummy
        // change_cipher_spec goes first, unprotected (§D.4).
        sendDummyChangeCipherSpec();
        if (!earlyData.holdsWriteKeys()) {
            io.records.setWriteProtection(new Tls13RecordProtection(suite.aead(), clientKeys));
        }
        // With 0-RTT on the way, the server's answer decides when our records leave the early keys (§4.5).
    }

    // ---- EncryptedExtensions (§4.3.1) --------------------------------------------------------

    private void readEncryptedExtensions() throws IOException {
        HandshakeMessage message = io.expect(HandshakeType.ENCRYPTED_EXTENSIONS);
        EncryptedExtensions ee = EncryptedExtensions.decode(message.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("extensions", ee.extensions().isEmpty() ? "(none)" : Extension.names(ee.extensions()));
        EncryptedExtensionsRules.check(ee, hello);
        Extension alpnExt = ee.extension(ExtensionType.ALPN);
        if (alpnExt != null) {
            List<String> chosen = Extensions.decodeAlpn(alpnExt.data());
            if (chosen.size() != 1 || !request.alpn().contains(chosen.get(0))) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "the server selected ALPN " + chosen + ", not exactly one of the protocols we offered " + request.alpn() + " (RFC 7301 §3.1)");
            }
            alpn = chosen.get(0);
            fields.put("alpn", alpn);
            log.alpn(alpn);
        }
        if (ee.extension(ExtensionType.SERVER_NAME) != null) {
            fields.put("server_name", "acknowledged");
        }
        earlyData.answeredInEncryptedExtensions(ee.extension(ExtensionType.EARLY_DATA) != null, resumed, suite, alpn,
                handshakeWriteProtection());
        if (earlyData.offered()) {
            fields.put("early_data", earlyData.accepted() ? "accepted" : "rejected");
        }
        log.received("EncryptedExtensions", message.length(), fields);
        transcript.add(message);
    }

    // ---- Certificate (§4.4.2) → the cert slot ------------------------------------------------

    private void readCertificate() throws IOException {
        HandshakeMessage message = io.receive("Certificate");
        if (message.typeCode() == HandshakeType.CERTIFICATE_REQUEST.code()) {
            readCertificateRequest(message);
            message = io.expect(HandshakeType.CERTIFICATE);
        } else if (message.typeCode() != HandshakeType.CERTIFICATE.code()) {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected Certificate, the server sent " + message.name() + " (RFC 8446 §4.4.2)");
        }
        CertificateMessage certificate = CertificateMessage.decode(message.body());
        if (certificate.certificateRequestContext().length != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "a server's Certificate must have an empty certificate_request_context (RFC 8446 §4.4.2)");
        }
        if (certificate.entries().isEmpty()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "the server sent an empty Certificate message (RFC 8446 §4.4.2.4)");
        }
        byte[] ocsp = null;
        for (int i = 0; i < certificate.entries().size(); i++) {
            CertificateEntry entry = certificate.entries().get(i);
            checkExtensions("CertificateEntry", entry.extensions(),
                    Set.of(ExtensionType.STATUS_REQUEST, ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP), Set.of());
            Extension status = entry.extension(ExtensionType.STATUS_REQUEST);
            if (status != null && i == 0) {
                ocsp = Extensions.decodeCertificateStatus(status.data());
            }
        }
        chain = certificate.chain();
        stapledOcsp = ocsp;
        leaf = LeafCertificate.parse(chain.get(0));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("certificates", String.valueOf(chain.size()));
        fields.put("leaf", leaf.subject());
        fields.put("issuer", leaf.issuer());
        fields.put("stapled_ocsp", ocsp == null ? "no" : ocsp.length + " bytes");
        log.received("Certificate", message.length(), fields);
        transcript.add(message);

        verdict = CertificateSlot.judge(context, new ValidationRequest(chain, request.host(), now(), "ECDHE", ocsp), log.trace());
        log.info("cert slot accepted the chain" + (verdict.error() != null ? " despite " + verdict.error() + ": " + verdict.reason() : ""));
    }

    /** A server asking for client authentication (§4.3.2): we have no certificate, so we will answer with an empty one. */
    private void readCertificateRequest(HandshakeMessage message) throws IOException {
        CertificateRequest cr = CertificateRequest.decode(message.body());
        if (cr.certificateRequestContext().length != 0) {
            // Non-empty only for post-handshake authentication (§4.3.2); BoringSSL: decode_error.
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "CertificateRequest in the handshake has a "
                    + cr.certificateRequestContext().length + "-byte certificate_request_context; it must be empty (RFC 8446 §4.3.2)");
        }
        certificateRequestContext = cr.certificateRequestContext();
        log.received("CertificateRequest", message.length(), Map.of("extensions", Extension.names(cr.extensions()),
                "signature_algorithms", cr.signatureAlgorithms().stream().map(SignatureScheme::nameOf).collect(Collectors.joining(", ")),
                "note", "no client certificate configured: an empty Certificate will be sent"));
        transcript.add(message);
    }

    // ---- CertificateVerify (§4.4.3) ----------------------------------------------------------

    private void readCertificateVerify() throws IOException {
        HandshakeMessage message = io.expect(HandshakeType.CERTIFICATE_VERIFY);
        CertificateVerify cv = CertificateVerify.decode(message.body());
        SignatureScheme scheme = SignatureScheme.of(cv.algorithm());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("algorithm", SignatureScheme.nameOf(cv.algorithm()));
        fields.put("signature", cv.signature().length + " bytes");
        log.received("CertificateVerify", message.length(), fields);
        if (scheme == null || !config.signatureAlgorithms().contains(scheme) || !scheme.allowedInTls13CertificateVerify()) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "CertificateVerify uses "
                    + SignatureScheme.nameOf(cv.algorithm()) + ", which is not an algorithm we offered for TLS 1.3 signatures (RFC 8446 §4.4.3)");
        }
        byte[] signed = CertificateVerify.signedContent(true, transcript.current());
        if (!scheme.verify(leaf.publicKey(), signed, cv.signature())) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
                    "the CertificateVerify signature (" + scheme.rfcName() + ") does not verify with the key of " + leaf.subject() + " (RFC 8446 §4.4.3)");
        }
        log.info("CertificateVerify: the server holds the private key of its certificate (" + scheme.rfcName() + " verified)");
        transcript.add(message);
    }

    // ---- Server Finished (§4.4.4), then application traffic keys (§7.1) ----------------------

    private void readServerFinished() throws IOException {
        HandshakeMessage message = io.expect(HandshakeType.FINISHED);
        Finished finished = Finished.decode(message.body());
        log.received("Finished", message.length(), Map.of("verify_data", Hex.toHexString(finished.verifyData())));
        if (finished.verifyData().length != suite.hash().length()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "Finished verify_data is "
                    + finished.verifyData().length + " bytes, must be " + suite.hash().length() + " (RFC 8446 §4.4.4)");
        }
        if (!serverHandshakeSecret.matches(transcript.current(), finished.verifyData())) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
                    "the server's Finished does not match our transcript: the handshake was altered (RFC 8446 §4.4.4)");
        }
        log.info("server Finished verified: both sides saw the same handshake");
        transcript.add(message);

        byte[] hash = transcript.current();
        clientApplicationSecret = masterSecret.clientApplicationTrafficSecret(hash);
        serverApplicationSecret = masterSecret.serverApplicationTrafficSecret(hash);
        log.secret("master_secret", masterSecret.secret());
        log.secret("client_application_traffic_secret_0", clientApplicationSecret.secret());
        log.secret("server_application_traffic_secret_0", serverApplicationSecret.secret());
        log.secret("exporter_master_secret", masterSecret.exporterMasterSecret(hash));
        log.keyLog("CLIENT_TRAFFIC_SECRET_0", hello.random(), clientApplicationSecret.secret());
        log.keyLog("SERVER_TRAFFIC_SECRET_0", hello.random(), serverApplicationSecret.secret());

        var serverKeys = serverApplicationSecret.trafficKeys(suite.aead());
        var clientKeys = clientApplicationSecret.trafficKeys(suite.aead());
        log.secret("server_application_write_key", serverKeys.key());
        log.secret("server_application_write_iv", serverKeys.iv());
        log.secret("client_application_write_key", clientKeys.key());
        log.secret("client_application_write_iv", clientKeys.iv());

        io.assembler.checkKeyChangeBoundary("server Finished");
        io.records.setReadProtection(new Tls13RecordProtection(suite.aead(), serverKeys));
        // After the server's Finished a change_cipher_spec is no longer harmless (RFC 8446 §5).
        io.records.dropChangeCipherSpec(false);
    }

    // ---- Client Finished (§4.4.4) ------------------------------------------------------------

    private void sendClientFinished() throws IOException {
        sendDummyChangeCipherSpec();
        earlyData.end(transcript, handshakeWriteProtection());
        if (certificateRequestContext != null) {
            HandshakeMessage empty = new CertificateMessage(certificateRequestContext, List.of()).toMessage();
            io.send("Certificate", empty, Map.of("certificates", "0 (no client certificate)"));
            transcript.add(empty);
        }
        byte[] verifyData = clientHandshakeSecret.verifyData(transcript.current());
        HandshakeMessage message = new Finished(verifyData).toMessage();
        io.send("Finished", message, Map.of("verify_data", Hex.toHexString(verifyData)));
        io.flush();
        transcript.add(message);
        io.records.setWriteProtection(new Tls13RecordProtection(suite.aead(), clientApplicationSecret.trafficKeys(suite.aead())));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private Tls13RecordProtection handshakeWriteProtection() {
        return new Tls13RecordProtection(suite.aead(), clientHandshakeSecret.trafficKeys(suite.aead()));
    }

    /**
     * For a multi-version client whose server chose TLS 1.2: refused if we sent 0-RTT data
     * (see {@link EarlyData#checkServerChoseTls12()}).
     */
    public void serverChoseTls12() throws TlsAlertException {
        earlyData.checkServerChoseTls12();
    }

    /**
     * SNI carries DNS names only, never IP literals (RFC 6066 §3), in A-labels with no trailing
     * dot; the URL's host parser decides which is which ({@code 1.2.3} is an address).
     */
    public String sni() {
        String host = request.host();
        return host == null ? null : Host.serverNameFor(host).orElse(null);
    }

    public Tls13CipherSuite suite() {
        return suite;
    }

    public NamedGroup group() {
        return group;
    }

    public boolean resumed() {
        return resumed;
    }

    public boolean hadHelloRetryRequest() {
        return helloRetryRequest != null;
    }

    public CertVerdict verdict() {
        return verdict;
    }

    public Map<String, String> helloFields(ClientHello ch) throws TlsAlertException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("legacy_version", "0x0303 (frozen at TLS 1.2; the real offer is supported_versions)");
        f.put("supported_versions", java.util.Arrays.stream(offeredVersions).mapToObj(ProtocolVersion::nameOf).collect(Collectors.joining(", ")));
        f.put("random", Hex.toHexString(ch.random()));
        f.put("legacy_session_id", ch.legacySessionId().length + " bytes (middlebox compatibility)");
        f.put("cipher_suites", ch.cipherSuites().stream().map(navemu.tls.core.crypto.Tls12CipherSuite::nameOf).collect(Collectors.joining(", ")));
        f.put("supported_groups", Extensions.decodeSupportedGroups(ch.extension(ExtensionType.SUPPORTED_GROUPS).data())
                .stream().map(NamedGroup::nameOf).collect(Collectors.joining(", ")));
        f.put("key_share", keyShares.keySet().stream().map(NamedGroup::rfcName).collect(Collectors.joining(", ")));
        f.put("signature_algorithms", config.signatureAlgorithms().stream().map(SignatureScheme::rfcName).collect(Collectors.joining(", ")));
        if (sni() != null) {
            f.put("server_name", sni());
        }
        if (!request.alpn().isEmpty()) {
            f.put("alpn", String.join(", ", request.alpn()));
        }
        if (ch.extension(ExtensionType.COOKIE) != null) {
            f.put("cookie", "echoed from HelloRetryRequest");
        }
        f.put("extensions", Extension.names(ch.extensions()));
        return f;
    }

    private static Map<String, String> serverHelloFields(ServerHello sh) {
        Map<String, String> f = new LinkedHashMap<>();
        try {
            Extension versions = sh.extension(ExtensionType.SUPPORTED_VERSIONS);
            f.put("version", versions == null ? ProtocolVersion.nameOf(sh.legacyVersion()) + " (no supported_versions)"
                    : ProtocolVersion.nameOf(Extensions.decodeSelectedVersion(versions.data())));
            f.put("cipher_suite", Tls13CipherSuite.nameOf(sh.cipherSuite()));
            Extension ks = sh.extension(ExtensionType.KEY_SHARE);
            if (ks != null) {
                f.put(sh.isHelloRetryRequest() ? "selected_group" : "key_share", NamedGroup.nameOf(sh.isHelloRetryRequest()
                        ? Extensions.decodeKeyShareHelloRetryRequest(ks.data())
                        : Extensions.decodeKeyShareServerHello(ks.data()).group()));
            }
            if (sh.extension(ExtensionType.COOKIE) != null) {
                f.put("cookie", "present");
            }
            if (!sh.isHelloRetryRequest()) {
                f.put("random", Hex.toHexString(sh.random()));
            }
        } catch (TlsAlertException malformed) {
            f.put("malformed", malformed.getMessage());
        }
        f.put("extensions", Extension.names(sh.extensions()));
        return f;
    }
}
