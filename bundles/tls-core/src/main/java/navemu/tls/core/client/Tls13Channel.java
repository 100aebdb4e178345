package navemu.tls.core.client;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import navemu.api.cert.CertVerdict;
import navemu.api.result.TlsInfo;
import navemu.api.session.SessionCertificate;
import navemu.api.session.SessionKey;
import navemu.api.session.SessionStore;
import navemu.api.session.StoredSession;
import navemu.api.tcp.Connection;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.KeyUpdate;
import navemu.tls.core.handshake.NewSessionTicket;
import navemu.tls.core.keyschedule.ResumptionMasterSecret;
import navemu.tls.core.keyschedule.TrafficSecret;
import navemu.tls.core.record.Tls13RecordProtection;
import navemu.tls.core.record.TlsRecord;

/**
 * The connection after the handshake (RFC 8446 §4.6, §6.1): application data both ways, and the
 * post-handshake messages the server may send at any time — NewSessionTicket (handed to the
 * session slot) and KeyUpdate (answered). close_notify ends reading; {@link #close} sends ours.
 */
final class Tls13Channel extends RecordChannel {

    /**
     * What the handshake hands over: the negotiated suite and the application-stage secrets, and
     * what tickets keep of the server's chain ({@code certificate}; null: tickets are not kept).
     */
    record Keys(Tls13CipherSuite suite, TrafficSecret clientApplicationSecret, TrafficSecret serverApplicationSecret,
                ResumptionMasterSecret resumptionMasterSecret, String alpn, CertVerdict verdict, byte[] clientRandom,
                       boolean earlyDataAccepted, SessionCertificate certificate) {
    }

    /** RFC 8446 §4.6.1: a ticket may not be used for more than seven days. */
    private static final Duration MAX_TICKET_LIFETIME = Duration.ofDays(7);

    private final Keys keys;
    private final SessionStore sessions;
    private final SessionKey sessionKey;
    private final Instant handshakeDone;
    private final long handshakeDoneNanos;
    private TrafficSecret clientSecret;
    private TrafficSecret serverSecret;

    Tls13Channel(Connection connection, HandshakeIo io, MessageLog log, Keys keys, SessionStore sessions,
                 SessionKey sessionKey, Instant handshakeDone) {
        super(connection, io, log);
        this.keys = keys;
        this.sessions = sessions;
        this.sessionKey = sessionKey;
        this.handshakeDone = handshakeDone;
        this.handshakeDoneNanos = System.nanoTime();
        this.clientSecret = keys.clientApplicationSecret();
        this.serverSecret = keys.serverApplicationSecret();
    }

    @Override
    public TlsInfo info() {
        return log.info();
    }

    @Override
    public boolean earlyDataAccepted() {
        return keys.earlyDataAccepted();
    }

    @Override
    public CertVerdict verdict() {
        return keys.verdict();
    }

    // ---- reading ---------------------------------------------------------------------------

    /** The next application data, handling post-handshake messages on the way; null at close_notify. */
    @Override
    byte[] readApplicationData() throws IOException {
        while (true) {
            HandshakeMessage pending = io.bufferedMessage();
            if (pending != null) {
                handlePostHandshake(pending);
                continue;
            }
            TlsRecord record = nextRecord();
            switch (record.type()) {
                case APPLICATION_DATA:
                    if (record.fragment().length > 0) {
                        return record.fragment();
                    }
                    break;
                case HANDSHAKE:
                    io.buffer(record);
                    break;
                case ALERT: // user_canceled was skipped and error alerts thrown: this is a protected close_notify
                    log.info("server sent close_notify: no more data from it (RFC 8446 §6.1)");
                    return null;
                default:
                    fail(new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                            "a " + record.type().rfcName() + " record after the handshake (RFC 8446 §5)"));
            }
        }
    }

    private void handlePostHandshake(HandshakeMessage message) throws IOException {
        HandshakeType type = message.type();
        if (type == HandshakeType.NEW_SESSION_TICKET) {
            storeTicket(decoded(() -> NewSessionTicket.decode(message.body())), message.length());
        } else if (type == HandshakeType.KEY_UPDATE) {
            answerKeyUpdate(decoded(() -> KeyUpdate.decode(message.body())), message.length());
        } else {
            // We did not offer post_handshake_auth, so a CertificateRequest is as unexpected as anything else.
            fail(new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    message.name() + " after the handshake; only NewSessionTicket and KeyUpdate may come (RFC 8446 §4.6)"));
        }
    }

    /** A post-handshake message's decoder, as {@code decoded} takes it. */
    private interface Decoder<T> {
        T decode() throws TlsAlertException;
    }

    /**
     * Decodes a post-handshake message; a malformed one (a KeyUpdate whose request_update is
     * neither 0 nor 1, a short NewSessionTicket) fails the connection with its alert sent, as
     * RFC 8446 §4.6.3 and §6 require, instead of only raising the error here.
     */
    private <T> T decoded(Decoder<T> decoder) throws TlsAlertException {
        try {
            return decoder.decode();
        } catch (TlsAlertException e) {
            fail(e);
            throw e;
        }
    }

    /** NewSessionTicket (§4.6.1): derive the ticket's PSK and hand it to the session slot. */
    private void storeTicket(NewSessionTicket ticket, int length) throws IOException {
        long maxEarlyData = ticket.maxEarlyDataSize();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ticket_lifetime", ticket.ticketLifetime() + " s");
        fields.put("ticket", ticket.ticket().length + " bytes");
        fields.put("max_early_data_size", String.valueOf(maxEarlyData));
        log.received("NewSessionTicket", length, fields);
        byte[] psk = keys.resumptionMasterSecret().psk(ticket.ticketNonce());
        log.secret("resumption PSK (ticket_nonce " + org.bouncycastle.util.encoders.Hex.toHexString(ticket.ticketNonce()) + ")", psk);
        if (sessions == null) {
            log.info("NewSessionTicket not kept: no session slot");
            return;
        }
        Duration lifetime = Duration.ofSeconds(ticket.ticketLifetime());
        if (lifetime.compareTo(MAX_TICKET_LIFETIME) > 0) {
            lifetime = MAX_TICKET_LIFETIME;
        }
        if (lifetime.isZero()) {
            log.info("NewSessionTicket with lifetime 0: discarded at once (RFC 8446 §4.6.1)");
            return;
        }
        if (keys.certificate() == null) {
            log.info("NewSessionTicket not kept: the certificate verdict had problems, and only a problem-free verdict makes a resumable session");
            return;
        }
        Instant received = handshakeDone.plusNanos(System.nanoTime() - handshakeDoneNanos);
        sessions.put(sessionKey, new StoredSession("TLSv1.3", "psk", keys.suite().name(), null, ticket.ticket(), psk,
                received, lifetime, ticket.ticketAgeAdd(), maxEarlyData, keys.alpn(), false, keys.certificate()));
        log.info("NewSessionTicket stored for " + sessionKey + " (valid " + lifetime.toSeconds() + " s"
                + (maxEarlyData > 0 ? ", 0-RTT up to " + maxEarlyData + " bytes" : "") + ")");
    }

    /** KeyUpdate (§4.6.3): new read keys now; if asked, answer with our own KeyUpdate and new write keys. */
    private void answerKeyUpdate(KeyUpdate update, int length) throws IOException {
        log.received("KeyUpdate", length, Map.of("request_update", update.updateRequested() ? "update_requested" : "update_not_requested"));
        serverSecret = serverSecret.next();
        try {
            io.changeReadKeys(new Tls13RecordProtection(keys.suite().aead(), serverSecret.trafficKeys(keys.suite().aead())), "KeyUpdate");
        } catch (TlsAlertException acrossKeyChange) {
            fail(acrossKeyChange);
        }
        log.secret("server_application_traffic_secret_N+1", serverSecret.secret());
        if (update.updateRequested()) {
            synchronized (writeLock) {
                if (!writeClosed) {
                    HandshakeMessage answer = new KeyUpdate(false).toMessage();
                    io.send("KeyUpdate", answer, Map.of("request_update", "update_not_requested"));
                    io.flush();
                    clientSecret = clientSecret.next();
                    io.changeWriteKeys(new Tls13RecordProtection(keys.suite().aead(), clientSecret.trafficKeys(keys.suite().aead())));
                    log.secret("client_application_traffic_secret_N+1", clientSecret.secret());
                }
            }
        }
    }

    /** Sends the fatal alert and throws: the connection cannot be used any more. */}
