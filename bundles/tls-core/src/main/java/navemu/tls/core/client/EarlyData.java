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
import navemu.tls.core.keyschedule.TrafficSecret;
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
 * Every switch of our write keys while 0-RTT is in play happens here; what each step means for
 * the trace is {@link Tls13Narration}'s.
 */
final class EarlyData {
    private enum State { NOT_OFFERED, OFFERED, ACCEPTED, REJECTED }

    private final HandshakeIo io;
    private final Tls13Narration narration;
    private State state = State.NOT_OFFERED;
    private StoredSession ticket;
    private Tls13CipherSuite ticketSuite;

    /** The protocol of {@link TlsRequest#earlyData()}: the navigator's request bytes are HTTP/1.1. */
    static final String EARLY_DATA_PROTOCOL = "http/1.1";

    EarlyData(HandshakeIo io, Tls13Narration narration) {
        this.io = io;
        this.narration = narration;
    }

    /**
     * §4.2.10: only with a ticket that allows early data, a request that fits its
     * max_early_data_size, and the ALPN protocol of the original connection still offered.
     */
    static boolean mayOffer(StoredSession ticket, TlsRequest request, Tls13Narration narration) {
        if (ticket == null || request.earlyData() == null) {
            return false;
        }
        if (ticket.maxEarlyData() < request.earlyData().length) {
            narration.earlyDataTooLarge(ticket.maxEarlyData(), request.earlyData().length);
            return false;
        }
        if (ticket.alpn() != null && !request.alpn().contains(ticket.alpn())) {
            narration.earlyDataAlpnNotOffered(ticket.alpn());
            return false;
        }
        if (ticket.alpn() != null && !ticket.alpn().equals(EARLY_DATA_PROTOCOL)) {
            // The server must select the session's ALPN protocol to accept 0-RTT (§4.2.10), and the
            // early data we hold is an HTTP/1.1 request: sent into an h2 session it would be garbage.
            narration.earlyDataNotInSessionProtocol(ticket.alpn(), EARLY_DATA_PROTOCOL);
            return false;
        }
        return true;
    }

    /**
     * Sends {@code data} under client_early_traffic_secret right after the ClientHello (§2.3).
     * {@code beforeEarlyRecords} sends the dummy change_cipher_spec, which §D.4 puts first.
     */
    void send(Tls13Resumption offer, HandshakeMessage encodedHello, byte[] clientRandom, byte[] data,
              IoStep beforeEarlyRecords) throws IOException {
        ticket = offer.ticket();
        ticketSuite = offer.suite();
        state = State.OFFERED;
        TrafficSecret clientEarly = offer.earlySecret().clientEarlyTrafficSecret(ticketSuite.hash().hash(encodedHello.encode()));
        narration.earlySecret(clientEarly, clientRandom);
        beforeEarlyRecords.run();
        io.changeWriteKeys(new Tls13RecordProtection(ticketSuite.aead(), clientEarly.trafficKeys(ticketSuite.aead())));
        io.sendApplicationData(data);
        io.flush();
        narration.earlyDataSent(data.length);
    }

    boolean offered() {
        return state != State.NOT_OFFERED;
    }

    boolean accepted() {
        return state == State.ACCEPTED;
    }

    /** True while our write keys are the early ones and the server's answer decides what comes next. */
    private boolean holdsWriteKeys() {
        return state == State.OFFERED || state == State.ACCEPTED;
    }

    /**
     * The handshake keys are derived (§7.3): our records switch to them now, unless 0-RTT data
     * went out, in which case the server's answer decides when they leave the early keys (§4.5).
     */
    void handshakeWriteKeysReady(RecordProtection handshakeWrite) {
        if (!holdsWriteKeys()) {
            io.changeWriteKeys(handshakeWrite);
        }
    }

    /** §4.1.2: a HelloRetryRequest rejects early data; the second ClientHello goes in plaintext. */
    void rejectedByHelloRetryRequest() {
        if (state != State.OFFERED) {
            return;
        }
        state = State.REJECTED;
        io.changeWriteKeys(RecordProtection.NONE);
        narration.earlyDataRejectedByHelloRetryRequest();
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
        io.changeWriteKeys(RecordProtection.NONE);
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
            narration.earlyDataAccepted();
        } else if (state == State.OFFERED) {
            state = State.REJECTED;
            io.changeWriteKeys(handshakeWrite);
            narration.earlyDataRejected();
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
        io.changeWriteKeys(handshakeWrite);
    }

    /** One step of I/O the caller owns (the dummy change_cipher_spec). */
    @FunctionalInterface
    interface IoStep {
        void run() throws IOException;
    }
}
