package navemu.tls.core.client;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import navemu.api.cert.CertVerdict;
import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.tls.TlsContext;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.fingerprint.Ja4;
import navemu.tls.core.handshake.CertificateMessage;
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
import navemu.tls.core.record.TrafficKeys;

/**
 * One TLS 1.3 client handshake (RFC 8446 §2, full handshake with (EC)DHE), modelled on Go's
 * {@code handshake_client_tls13.go}: a little state and one {@link #handshake()} that calls the
 * steps in the RFC's order. Each step does one protocol thing and throws a
 * {@link TlsAlertException} naming the alert to send when the server breaks a rule. What each
 * step means for the trace is {@link Tls13Narration}'s business; the ClientHello is built by
 * {@link ClientHelloBuilder}, the server's authentication read by {@link Tls13ServerAuthentication}.
 *
 * <p>Resumption (§2.2, {@link Tls13Resumption}): a stored ticket is offered in pre_shared_key
 * (last, with its binder); when the server accepts it there is no Certificate message, and the
 * ticket's stored chain is re-validated by the active cert slot instead ({@link ResumptionCertificate}).
 */
final class Tls13ClientHandshake {
    /** A TLS record's header: type, version, length (RFC 8446 §5.1). */
    private static final int RECORD_HEADER = 5;
    private final TlsRequest request;
    private final TlsContext context;
    private final Tls13ClientConfig config;
    private final HandshakeIo io;
    private final MessageLog log;
    private final Tls13Narration narration;
    private final TranscriptHash transcript = new TranscriptHash();
    private final ClientHelloBuilder helloBuilder;
    private final EarlyData earlyData;
    private final ChromeHelloShape chrome;
    /** The server_name we send, worked out once from the host (see {@link ClientHelloBuilder#serverName}). */
    private final String sni;

    // What the handshake has learned so far, in the order it learns it.
    private ClientHello hello;
    private int[] offeredVersions = {ProtocolVersion.TLS13};
    /** The TLS 1.3 ticket offered (taken from the session slot: single use); null when none. */
    private Tls13Resumption ticketOffer;
    private boolean resumed;
    private boolean sentDummyChangeCipherSpec;
    private ServerHello helloRetryRequest;
    private Tls13CipherSuite suite;
    private NamedGroup group;
    private byte[] serverShare;
    private TrafficSecret clientHandshakeSecret;
    private TrafficSecret serverHandshakeSecret;
    /** client_handshake_traffic_secret's write key and IV, derived once: our Finished (and 0-RTT's end) go under them. */
    private TrafficKeys clientHandshakeKeys;
    private MasterSecret masterSecret;
    private String alpn;
    /** The server's ALPS settings (draft-vvv-tls-alps), or null when it did not negotiate ALPS. */
    private byte[] serverApplicationSettings;
    private Tls13ServerAuthentication.Result server;
    private CertVerdict verdict;
    /** What tickets of this connection keep of the server's chain; null when they may not be kept. */
    private SessionCertificate sessionCertificate;
    private TrafficSecret clientApplicationSecret;
    private TrafficSecret serverApplicationSecret;

    private final long startedNanos;
    private final Instant started;

    Tls13ClientHandshake(TlsRequest request, TlsContext context, Tls13ClientConfig config, HandshakeIo io, MessageLog log) {
        this(request, context, config, io, log, null);
    }

    /** @param chrome Chrome's ClientHello shape (the browser client), or null for the textbook hello */
    Tls13ClientHandshake(TlsRequest request, TlsContext context, Tls13ClientConfig config, HandshakeIo io, MessageLog log,
                         ChromeHelloShape chrome) {
        this.chrome = chrome;
        this.request = request;
        this.context = context;
        this.config = config;
        this.io = io;
        this.log = log;
        this.sni = ClientHelloBuilder.serverName(request.host());
        this.narration = new Tls13Narration(log);
        this.helloBuilder = new ClientHelloBuilder(config, sni(), request.alpn(), chrome);
        this.earlyData = new EarlyData(io, narration);
        this.startedNanos = System.nanoTime();
        this.started = context != null && context.now() != null ? context.now() : Instant.now();
    }

    /**
     * Now, on the context's clock: its start instant plus the time the handshake has taken. A
     * ticket's receipt time (its age's origin, RFC 8446 §4.2.11.1) must be this, not the start:
     * a server rejects 0-RTT whose ticket age exceeds its own count (OpenSSL allows 1 s).
     */
    Instant elapsedNow() {
        return started.plusNanos(System.nanoTime() - startedNanos);
    }

    /** RFC 8446 §2, Figure 1, from the client's side. */
    Tls13Channel.Keys handshake() throws IOException {
        sendClientHello(null, ProtocolVersion.TLS13);
        narration.waitingForServerFlight();
        return continueAfterServerHello(io.expect(HandshakeType.SERVER_HELLO));
    }

    /**
     * The rest of the handshake once the first ServerHello (or HelloRetryRequest) is in: for
     * {@link #handshake()}, and for the browser client, whose ClientHello offered TLS 1.2 too
     * and whose server chose TLS 1.3.
     */
    Tls13Channel.Keys continueAfterServerHello(HandshakeMessage first) throws IOException {
        readServerHello(first);
        establishHandshakeKeys();
        readEncryptedExtensions();
        if (resumed) {
            // §2.2: with a PSK the server proves itself by its Finished alone; the stored chain is re-validated now, as Chrome does.
            if (verdict == null) { // not yet re-validated before 0-RTT data
                verdict = ResumptionCertificate.revalidate(ticketOffer.ticket(), request.host(), context.validator(), now(), log);
            }
            SessionCertificate stored = ticketOffer.ticket().certificate();
            sessionCertificate = ResumptionCertificate.toKeep(stored.chain(), stored.stapledOcsp(), stored.keyExchange(), verdict, now(), log);
        } else {
            server = new Tls13ServerAuthentication(io, transcript, hello, config, context, request.host(), now(), narration, log).read();
            verdict = server.verdict();
            sessionCertificate = ResumptionCertificate.toKeep(server.chain(), server.stapledOcsp(), "ECDHE", verdict, now(), log);
        }
        readServerFinished();
        sendClientFinished();
        return new Tls13Channel.Keys(suite, clientApplicationSecret, serverApplicationSecret,
                masterSecret.resumptionMasterSecret(transcript.current()), alpn, verdict, hello.random(), earlyData.accepted(),
                sessionCertificate);
    }

    // ---- ClientHello (§4.1.2) ----------------------------------------------------------------

    /**
     * Builds and sends the first ClientHello: a stored ticket is taken and offered, and 0-RTT
     * data, if the ticket allows it, follows at once (§2.3). Returns the hello as sent, for a TLS
     * 1.2 handshake offered in the same hello to record.
     *
     * @param tls12    what a TLS 1.2 offer adds to the hello, or null
     * @param versions supported_versions, most preferred first
     */
    SentHello sendClientHello(ClientHelloBuilder.Tls12Offer tls12, int... versions) throws IOException {
        offeredVersions = versions.clone();
        byte[] random = helloBuilder.fresh32();
        ticketOffer = Tls13Resumption.take(context, new SessionKey(request.host(), request.port(), sni()), now(),
                config.cipherSuites(), narration);
        boolean offerEarlyData = EarlyData.mayOffer(ticketOffer == null ? null : ticketOffer.ticket(), request, narration);
        ClientHello ch = helloBuilder.first(random, versions, tls12, offerEarlyData);
        if (ticketOffer != null) {
            ch = ticketOffer.offeredIn(ch, null, now(), narration);
        }
        HandshakeMessage message = ch.toMessage();
        io.send("ClientHello", message, helloFields(ch));
        io.flush();
        narration.clientHelloSize(RECORD_HEADER + message.length(), helloBuilder.keyShareGroups());
        hello = ch;
        transcript.add(message);
        if (offerEarlyData) {
            // As BoringSSL (reverify on resume): the stored chain is re-validated before any 0-RTT data leaves.
            verdict = ResumptionCertificate.revalidate(ticketOffer.ticket(), request.host(), context.validator(), now(), log);
            earlyData.send(ticketOffer, message, ch.random(), request.earlyData(), this::sendDummyChangeCipherSpec);
        }
        return new SentHello(ch, message);
    }

    /** A ClientHello as it went out: the decoded hello and its encoding (for a transcript). */
    record SentHello(ClientHello hello, HandshakeMessage message) {
    }

    Instant now() {
        return context.now() != null ? context.now() : Instant.now();
    }

    // ---- ServerHello and HelloRetryRequest (§4.1.3, §4.1.4) ----------------------------------

    private void readServerHello(HandshakeMessage message) throws IOException {
        ServerHello sh = ServerHello.decode(message.body());
        if (sh.isHelloRetryRequest()) {
            narration.helloRetryRequestReceived(message, sh);
            processHelloRetryRequest(sh, message);
            message = io.expect(HandshakeType.SERVER_HELLO);
            sh = ServerHello.decode(message.body());
            if (sh.isHelloRetryRequest()) {
                narration.helloRetryRequestReceived(message, sh);
                throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                        "a second HelloRetryRequest; the server may ask only once (RFC 8446 §4.1.4)");
            }
        }
        narration.serverHelloReceived(message, sh);
        Tls13ServerHelloRules.check(sh, hello);
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
        if (chosen == null || helloBuilder.keyShare(chosen) == null) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server's key_share is for "
                    + NamedGroup.nameOf(share.group()) + ", a group we sent no share for (RFC 8446 §4.2.8)");
        }
        serverShare = share.keyExchange();
        suite = Tls13CipherSuite.of(sh.cipherSuite());
        group = chosen;
        resumed = Tls13Resumption.accepted(ticketOffer, sh, suite, narration);
        transcript.useHash(suite.hash());
        transcript.add(message);
        narration.negotiated(suite, group, resumed);
    }

    /** §4.1.4: the server asks for another key share (or returns a cookie); we send a second ClientHello. */
    private void processHelloRetryRequest(ServerHello hrr, HandshakeMessage message) throws IOException {
        Tls13ServerHelloRules.check(hrr, hello);
        Extension keyShare = hrr.extension(ExtensionType.KEY_SHARE);
        Extension cookie = hrr.extension(ExtensionType.COOKIE);
        if (keyShare == null && cookie == null) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "HelloRetryRequest asks for nothing that would change the ClientHello (RFC 8446 §4.1.4)");
        }
        helloRetryRequest = hrr;
        NamedGroup wanted = null;
        if (keyShare != null) {
            int code = Extensions.decodeKeyShareHelloRetryRequest(keyShare.data());
            wanted = NamedGroup.of(code);
            if (wanted == null || !config.supportedGroups().contains(wanted)) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest asks for "
                        + NamedGroup.nameOf(code) + ", which is not in our supported_groups (RFC 8446 §4.2.8)");
            }
            if (helloBuilder.keyShare(wanted) != null) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "HelloRetryRequest asks for "
                        + wanted + ", for which we already sent a key share (RFC 8446 §4.2.8)");
            }
        }
        if (wanted != null) {
            narration.keyShareRequested(wanted);
        }
        ClientHello second = helloBuilder.second(hello, wanted, cookie == null ? null : Extensions.decodeCookie(cookie.data()));
        // §4.4.1: ClientHello1 is replaced by message_hash(Hash(ClientHello1)) in the transcript.
        Tls13CipherSuite hrrSuite = Tls13CipherSuite.of(hrr.cipherSuite());
        transcript.useHash(hrrSuite.hash());
        transcript.replaceWithMessageHash();
        transcript.add(message);
        if (ticketOffer != null) {
            second = ticketOffer.offeredAgainIn(second, hrrSuite, transcript, now(), narration);
        }

        sendDummyChangeCipherSpec();
        earlyData.rejectedByHelloRetryRequest();
        hello = second;
        HandshakeMessage secondMessage = second.toMessage();
        io.send("ClientHello", secondMessage, helloFields(second));
        io.flush();
        transcript.add(secondMessage);
        narration.waitingForSecondServerHello();
    }

    /** Middlebox compatibility (§D.4): one unprotected change_cipher_spec before our second flight. */
    private void sendDummyChangeCipherSpec() throws IOException {
        if (sentDummyChangeCipherSpec) {
            return;
        }
        sentDummyChangeCipherSpec = true;
        io.sendChangeCipherSpec(Tls13Narration.DUMMY_CHANGE_CIPHER_SPEC);
    }

    // ---- Key schedule: handshake traffic keys (§7.1, §7.3) -----------------------------------

    private void establishHandshakeKeys() throws IOException {
        byte[] shared = helloBuilder.keyShare(group).sharedSecret(serverShare);
        EarlySecret early = resumed ? ticketOffer.earlySecret() : EarlySecret.withoutPsk(suite.hash());
        HandshakeSecret handshakeSecret = early.handshakeSecret(shared);
        byte[] helloHash = transcript.current();
        clientHandshakeSecret = handshakeSecret.clientHandshakeTrafficSecret(helloHash);
        serverHandshakeSecret = handshakeSecret.serverHandshakeTrafficSecret(helloHash);
        masterSecret = handshakeSecret.masterSecret();
        TrafficKeys serverKeys = serverHandshakeSecret.trafficKeys(suite.aead());
        clientHandshakeKeys = clientHandshakeSecret.trafficKeys(suite.aead());
        narration.handshakeSecrets(group, shared, early, handshakeSecret, clientHandshakeSecret, serverHandshakeSecret,
                clientHandshakeKeys, serverKeys, hello.random());

        io.changeReadKeys(new Tls13RecordProtection(suite.aead(), serverKeys), "ServerHello");
        // From here on our records (Finished, or an alert) are protected too; the dummy
        // change_cipher_spec goes first, unprotected (§D.4). With 0-RTT on the way, the server's
        // answer decides when our records leave the early keys (§4.5).
        sendDummyChangeCipherSpec();
        earlyData.handshakeWriteKeysReady(handshakeWriteProtection());
    }

    // ---- EncryptedExtensions (§4.3.1) --------------------------------------------------------

    private void readEncryptedExtensions() throws IOException {
        HandshakeMessage message = io.expect(HandshakeType.ENCRYPTED_EXTENSIONS);
        EncryptedExtensions ee = EncryptedExtensions.decode(message.body());
        EncryptedExtensionsRules.check(ee, hello);
        Extension alpnExt = ee.extension(ExtensionType.ALPN);
        if (alpnExt != null) {
            List<String> chosen = Extensions.decodeAlpn(alpnExt.data());
            if (chosen.size() != 1 || !request.alpn().contains(chosen.get(0))) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "the server selected ALPN " + chosen + ", not exactly one of the protocols we offered " + request.alpn() + " (RFC 7301 §3.1)");
            }
            alpn = chosen.get(0);
            narration.alpnSelected(alpn);
        }
        Extension alps = ee.extension(ExtensionType.APPLICATION_SETTINGS);
        if (alps != null) {
            serverApplicationSettings = ApplicationSettings.serverAnswer(alps, alpn);
            narration.applicationSettingsReceived(alpn, serverApplicationSettings);
        }
        earlyData.answeredInEncryptedExtensions(ee.extension(ExtensionType.EARLY_DATA) != null, resumed, suite, alpn,
                handshakeWriteProtection());
        narration.encryptedExtensionsReceived(message, ee, alpn, earlyData);
        transcript.add(message);
    }

    // ---- Server Finished (§4.4.4), then application traffic keys (§7.1) ----------------------

    private void readServerFinished() throws IOException {
        HandshakeMessage message = io.expect(HandshakeType.FINISHED);
        Finished finished = Finished.decode(message.body());
        narration.serverFinishedReceived(message, finished.verifyData());
        if (finished.verifyData().length != suite.hash().length()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "Finished verify_data is "
                    + finished.verifyData().length + " bytes, must be " + suite.hash().length() + " (RFC 8446 §4.4.4)");
        }
        if (!serverHandshakeSecret.matches(transcript.current(), finished.verifyData())) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
                    "the server's Finished does not match our transcript: the handshake was altered (RFC 8446 §4.4.4)");
        }
        narration.serverFinishedVerified();
        transcript.add(message);

        byte[] hash = transcript.current();
        clientApplicationSecret = masterSecret.clientApplicationTrafficSecret(hash);
        serverApplicationSecret = masterSecret.serverApplicationTrafficSecret(hash);
        TrafficKeys serverKeys = serverApplicationSecret.trafficKeys(suite.aead());
        TrafficKeys clientKeys = clientApplicationSecret.trafficKeys(suite.aead());
        narration.applicationSecrets(masterSecret, hash, clientApplicationSecret, serverApplicationSecret, clientKeys, serverKeys,
                hello.random());

        io.changeReadKeys(new Tls13RecordProtection(suite.aead(), serverKeys), "server Finished");
        // After the server's Finished a change_cipher_spec is no longer harmless (RFC 8446 §5).
        io.dropChangeCipherSpec(false);
    }

    // ---- Client Finished (§4.4.4) ------------------------------------------------------------

    private void sendClientFinished() throws IOException {
        sendDummyChangeCipherSpec();
        earlyData.end(transcript, handshakeWriteProtection());
        if (serverApplicationSettings != null && !earlyData.accepted()) {
            // draft-vvv-tls-alps: our settings answer the server's, before Certificate and Finished.
            HandshakeMessage ours = ApplicationSettings.clientEncryptedExtensions(alpn);
            io.send("EncryptedExtensions", ours, Tls13Narration.clientApplicationSettings(alpn,
                    ApplicationSettings.ourSettings(alpn).length));
            transcript.add(ours);
        }
        if (server != null && server.certificateRequestContext() != null) {
            // §4.4.2: asked for a certificate, we have none: an empty Certificate.
            HandshakeMessage empty = new CertificateMessage(server.certificateRequestContext(), List.of()).toMessage();
            io.send("Certificate", empty, Tls13Narration.emptyCertificate());
            transcript.add(empty);
        }
        byte[] verifyData = clientHandshakeSecret.verifyData(transcript.current());
        HandshakeMessage message = new Finished(verifyData).toMessage();
        io.send("Finished", message, log.listening() ? Tls13Narration.finished(verifyData) : Map.of());
        io.flush();
        transcript.add(message);
        io.changeWriteKeys(new Tls13RecordProtection(suite.aead(), clientApplicationSecret.trafficKeys(suite.aead())));
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** A fresh protection (sequence number 0) under our handshake write keys. */
    private Tls13RecordProtection handshakeWriteProtection() {
        return new Tls13RecordProtection(suite.aead(), clientHandshakeKeys);
    }

    /**
     * For the browser client whose server chose TLS 1.2: refused if we sent 0-RTT data
     * (see {@link EarlyData#checkServerChoseTls12()}).
     */
    void serverChoseTls12() throws TlsAlertException {
        earlyData.checkServerChoseTls12();
    }

    /** The server_name we send (see {@link ClientHelloBuilder#serverName}). */
    String sni() {
        return sni;
    }

    NamedGroup group() {
        return group;
    }

    boolean resumed() {
        return resumed;
    }

    boolean hadHelloRetryRequest() {
        return helloRetryRequest != null;
    }

    private Map<String, String> helloFields(ClientHello ch) throws TlsAlertException {
        if (!log.listening()) {
            return Map.of(); // nobody reads the trace: neither the fields nor the JA4 are worth computing
        }
        Map<String, String> fields = Tls13Narration.clientHello(ch, offeredVersions, helloBuilder.keyShareGroups(),
                config.signatureAlgorithms(), sni(), request.alpn());
        if (chrome != null) {
            // How a server or CDN fingerprints this hello (FoxIO's JA4), to compare with a real Chrome's.
            Ja4 ja4 = Ja4.of(ch);
            fields.put("ja4", ja4.ja4());
            fields.put("ja4_r", ja4.ja4r());
        }
        return fields;
    }
}
