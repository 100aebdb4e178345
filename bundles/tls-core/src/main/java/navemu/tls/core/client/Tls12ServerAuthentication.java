package navemu.tls.core.client;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.tls.TlsContext;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.LeafCertificate;
import navemu.tls.core.crypto.NamedGroup;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.crypto.Tls12CipherSuite;
import navemu.tls.core.handshake.CertificateMessage;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.ServerHello;
import navemu.tls.core.handshake.ServerKeyExchangeEcdhe;
import navemu.tls.core.handshake.TranscriptHash;
import navemu.tls.core.wire.WireReader;

/**
 * The server's authentication in a full TLS 1.2 handshake: its Certificate (RFC 5246 §7.4.2),
 * an optional CertificateStatus (RFC 6066 §8), the cert slot's verdict, and for ECDHE suites the
 * signed ServerKeyExchange (RFC 8422 §5.4). Each message goes into the transcript once accepted.
 */
final class Tls12ServerAuthentication {
    /**
     * What the server's authentication established. {@code serverKeyExchange} and {@code group}
     * are null for RSA key exchange; {@code readAhead} is a message read while looking for an
     * optional one, which belongs to the next step (null when none).
     */
    record Result(List<byte[]> chain, LeafCertificate leaf, byte[] stapledOcsp, CertVerdict verdict,
                  ServerKeyExchangeEcdhe serverKeyExchange, NamedGroup group, HandshakeMessage readAhead) {
    }

    private final HandshakeIo io;
    private final TranscriptHash transcript;
    private final Tls12ClientConfig config;
    private final TlsContext context;
    private final String host;
    private final Instant now;
    private final Tls12CipherSuite suite;
    private final Tls12Narration narration;
    private final MessageLog log;

    private List<byte[]> chain;
    private LeafCertificate leaf;
    private byte[] stapledOcsp;
    private CertVerdict verdict;
    /** A message read ahead by an optional step (CertificateStatus) that belongs to the next one. */
    private HandshakeMessage lookahead;

    Tls12ServerAuthentication(HandshakeIo io, TranscriptHash transcript, Tls12ClientConfig config, TlsContext context,
                              String host, Instant now, Tls12CipherSuite suite, Tls12Narration narration, MessageLog log) {
        this.io = io;
        this.transcript = transcript;
        this.config = config;
        this.context = context;
        this.host = host;
        this.now = now;
        this.suite = suite;
        this.narration = narration;
        this.log = log;
    }

    /** Certificate, [CertificateStatus], [ServerKeyExchange]. */
    Result read(ClientHello hello, ServerHello serverHello) throws IOException {
        readCertificate();
        readCertificateStatus(serverHello);
        ServerKeyExchangeEcdhe ske = null;
        NamedGroup group = null;
        if (suite.keyExchange().ephemeral()) {
            ske = readServerKeyExchange(hello, serverHello);
            group = NamedGroup.of(ske.namedCurve());
        }
        return new Result(chain, leaf, stapledOcsp, verdict, ske, group, lookahead);
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
        narration.certificateReceived(message, chain.size(), leaf);
        Tls12ServerKey.check(leaf.publicKey(), suite, config.supportedGroups());
        narration.certificateAccepted(leaf);
        transcript.add(message);
    }

    /**
     * CertificateStatus (RFC 6066 §8): only when we asked and the server said it would send one,
     * and even then the server MAY leave it out; then the message read is the next step's.
     */
    private void readCertificateStatus(ServerHello serverHello) throws IOException {
        if (serverHello.extension(ExtensionType.STATUS_REQUEST) != null) {
            HandshakeMessage message = io.receive("CertificateStatus");
            if (message.typeCode() != HandshakeType.CERTIFICATE_STATUS.code()) {
                lookahead = message;
                narration.noCertificateStatus();
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
            narration.certificateStatusReceived(message, stapledOcsp);
            transcript.add(message);
        }
        validateCertificate();
    }

    private void validateCertificate() throws IOException {
        verdict = CertificateSlot.judge(context, new ValidationRequest(chain, host, now, keyExchange(suite), stapledOcsp), log.trace());
        narration.certificateJudged(verdict);
    }

    /** What the leaf key does in this suite (ValidationRequest's keyExchange). */
    static String keyExchange(Tls12CipherSuite suite) {
        return suite.keyExchange() == Tls12CipherSuite.KeyExchange.RSA ? "RSA" : "ECDHE";
    }

    // ---- ServerKeyExchange (RFC 8422 §5.4), ECDHE suites only --------------------------------

    private ServerKeyExchangeEcdhe readServerKeyExchange(ClientHello hello, ServerHello serverHello) throws IOException {
        HandshakeMessage message = next(HandshakeType.SERVER_KEY_EXCHANGE);
        ServerKeyExchangeEcdhe ske = ServerKeyExchangeEcdhe.decode(message.body());
        narration.serverKeyExchangeReceived(message, ske);
        NamedGroup curve = NamedGroup.of(ske.namedCurve());
        if (curve != null && curve.isHybrid()) {
            // Offered in the same supported_groups for TLS 1.3, but not an ECDHE curve (as BoringSSL refuses it).
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ServerKeyExchange uses " + curve
                    + ", a hybrid group defined for TLS 1.3 only (draft-ietf-tls-ecdhe-mlkem), in TLS 1.2");
        }
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
        narration.serverKeyExchangeVerified(curve, scheme);
        transcript.add(message);
        return ske;
    }

    /** The next message, the one read ahead first; it must be of {@code expected} type. */
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
}
