package navemu.tls.core.client;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

import navemu.api.NetError;
import navemu.api.session.StoredSession;
import navemu.api.tls.TlsRequest;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.Tls13CipherSuite;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.TranscriptHash;
import navemu.tls.core.keyschedule.EarlySecret;
import navemu.tls.core.keyschedule.TrafficSecret;
import navemu.tls.core.record.ContentType;
import navemu.tls.core.record.RecordProtection;
import navemu.tls.core.record.Tls13RecordProtection;

/**
 * 0-RTT from the client's side (RFC 8446 §2.3, §4.2.10): whether to offer it, and its rules and
 * key switches in one place. Our records go
 * <pre>
 * ClientHello (plaintext) → early data (client_early_traffic_secret) → one of:
 *   accepted:              … EndOfEarlyData, then client_handshake_traffic_secret (§4.5)
 *   rejected in EE:        client_handshake_traffic_secret from then on
 *   HelloRetryRequest:     plaintext again for the second ClientHello (§4.1.2)
 *   TLS 1.2 ServerHello:   plaintext again, to send the alert it can read (§D.3)
 * </pre>
 * Until the server answers, {@link #holdsWriteKeys()} says the early keys are ours to switch.
 */
public final class EarlyData {
    private enum State { NOT_OFFERED, OFFERED, ACCEPTED, REJECTED }

    private final HandshakeIo io;
    private final MessageLog log;
    private State state = State.NOT_OFFERED;
    private StoredSession ticket;
    private Tls13CipherSuite ticketSuite;

    EarlyData(HandshakeIo io, MessageLog log) {
        this.io = io;
        this.log = log;
    }

    /**
     * §4.2.10: only with a ticket that allows early data, a request that fits its
     * max_early_data_size, and the ALPN protocol of the original connection still offered.
     */
    static boolean mayOffer(StoredSession ticket, TlsRequest request, MessageLog log) {
        if (ticket == null || request.earlyData() == null) {
            return false;
        }
        if (ticket.maxEarlyData() < request.earlyData().length) {
            log.info("0-RTT not offered: the ticket allows " + ticket.maxEarlyData() + " bytes of early data, the request has "
                    + request.earlyData().length + "; it will go after the handshake");
            return false;
        }
        if (ticket.alpn() != null && !request.alpn().contains(ticket.alpn())) {
            log.info("0-RTT not offered: the ticket's ALPN " + ticket.alpn() + " is not offered now (RFC 8446 §4.2.10)");
            return false;
        }
        return true;
    }

    /**
     * Sends {@code data} under client_early_traffic_secret right after the ClientHello (§2.3).
     * {@code beforeEarlyRecords} sends the dummy change_cipher_spec, which §D.4 puts first.
     */
    void send(StoredSession offeredTicket, Tls13CipherSuite suite, EarlySecret earlySecret, HandshakeMessage encodedHello,
              byte[] clientRandom, byte[] data, IoStep beforeEarlyRecords) throws IOException {
        ticket = offeredTicket;
        ticketSuite = suite;
        state = State.OFFERED;
        TrafficSecret clientEarly = earlySecret.clientEarlyTrafficSecret(suite.hash().hash(encodedHello.encode()));
        log.secret("client_early_traffic_secret", clientEarly.secret());
        log.keyLog("CLIENT_EARLY_TRAFFIC_SECRET", clientRandom, clientEarly.secret());
        beforeEarlyRecords.run();
        io.records.setWriteProtection(new Tls13RecordProtection(suite.aead(), clientEarly.trafficKeys(suite.aead())));
        io.records.write(ContentType.APPLICATION_DATA, data);
        io.flush();
        log.sentRecord("early data (0-RTT)", data.length, Map.of("protected_with", "client_early_traffic_secret"));
        log.info("0-RTT: the request (" + data.length + " bytes) went out with the ClientHello, before any answer");
    }

    boolean offered() {
        return state != State.NOT_OFFERED;
    }

    boolean accepted() {
        return state == State.ACCEPTED;
    }

    /** True while our write keys are the early ones and the server's answer decides what comes next. */
    boolean holdsWriteKeys() {
        return state == State.OFFERED || state == State.ACCEPTED;
    }

    /** §4.1.2: a HelloRetryRequest rejects early data; the second ClientHello goes in plaintext. */
    void rejectedByHelloRetryRequest() {
        if (state != State.OFFERED) {
            return;
        }
        state = State.REJECTED;
        io.records.setWriteProtection(RecordProtection.NONE);
        log.info("HelloRetryRequest: the 0-RTT data is rejected; the request will go after the handshake");
    }

    /**
     * §D.3 / BoringSSL {@code SSL_R_WRONG_VERSION_ON_EARLY_DATA}: a TLS 1.2 server cannot skip the
     * early data it was sent, so the client aborts with protocol_version; Chromium names it
     * ERR_WRONG_VERSION_ON_EARLY_DATA and retries without 0-RTT. The alert goes in plaintext: a
     * TLS 1.2 server has no early keys to read it with.
     */
    void checkServerChoseTls12() throws TlsAlertException {
        if (state != State.OFFERED) {
            return;
        }
        state = State.REJECTED;
        io.records.setWriteProtection(RecordProtection.NONE);
        throw new TlsAlertException(AlertDescription.PROTOCOL_VERSION, NetError.ERR_WRONG_VERSION_ON_EARLY_DATA,
                "the server answered TLS 1.2 to a ClientHello that carried 0-RTT data, which a TLS 1.2 server cannot skip"
                        + " (RFC 8446 §4.2.10, §D.3)", null);
    }

    /**
     * EncryptedExtensions decides (§4.2.10). An early_data extension there is only valid for
     * early data we sent under the PSK the server selected, and then the server must have kept
     * the ticket's cipher suite and ALPN protocol (BoringSSL {@code SSL_R_CIPHER_MISMATCH_ON_EARLY_DATA},
     * {@code SSL_R_ALPN_MISMATCH_ON_EARLY_DATA}: illegal_parameter). Without it, early data was
     * rejected and our records switch to the handshake keys.
     */
    void answeredInEncryptedExtensions(boolean serverAccepts, boolean resumed, Tls13CipherSuite suite, String alpn,
                                       RecordProtection handshakeWrite) throws TlsAlertException {
        if (serverAccepts) {
            if (state != State.OFFERED || !resumed) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                        "EncryptedExtensions accepts early data we did not send under the selected PSK (RFC 8446 §4.2.10)");
            }
            if (suite != ticketSuite) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server accepted early data sent under "
                        + ticketSuite + " but negotiated " + suite + " (RFC 8446 §4.2.10)");
            }
            if (!Objects.equals(alpn, ticket.alpn())) {
                throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server accepted early data sent for ALPN "
                        + ticket.alpn() + " but selected " + alpn + " (RFC 8446 §4.2.10)");
            }
            state = State.ACCEPTED;
            log.info("0-RTT accepted: the server will answer the request sent with the ClientHello");
        } else if (state == State.OFFERED) {
            state = State.REJECTED;
            io.records.setWriteProtection(handshakeWrite);
            log.info("0-RTT rejected: the request will be re-sent after the handshake (RFC 8446 §4.2.10)");
        }
    }

    /** §4.5: EndOfEarlyData, still under the early keys, closes the 0-RTT stream; then the handshake keys. */
    void end(TranscriptHash transcript, RecordProtection handshakeWrite) throws IOException {
        if (state != State.ACCEPTED) {
            return;
        }
        HandshakeMessage eoed = HandshakeMessage.of(HandshakeType.END_OF_EARLY_DATA, new byte[0]);
        io.send("EndOfEarlyData", eoed, Map.of());
        transcript.add(eoed);
        io.records.setWriteProtection(handshakeWrite);
    }

    /** One step of I/O the caller owns (the dummy change_cipher_spec). */
    @FunctionalInterface
    interface IoStep {
        void run() throws IOException;
    }
}
