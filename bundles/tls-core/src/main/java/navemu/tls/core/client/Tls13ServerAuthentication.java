package navemu.tls.core.client;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import navemu.api.cert.CertVerdict;
import navemu.api.cert.ValidationRequest;
import navemu.api.tls.TlsContext;
import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.crypto.LeafCertificate;
import navemu.tls.core.crypto.SignatureScheme;
import navemu.tls.core.handshake.CertificateEntry;
import navemu.tls.core.handshake.CertificateCompressionAlgorithm;
import navemu.tls.core.handshake.CertificateMessage;
import navemu.tls.core.handshake.CompressedCertificate;
import navemu.tls.core.handshake.CertificateRequest;
import navemu.tls.core.handshake.CertificateVerify;
import navemu.tls.core.handshake.ClientHello;
import navemu.tls.core.handshake.Extension;
import navemu.tls.core.handshake.ExtensionType;
import navemu.tls.core.handshake.Extensions;
import navemu.tls.core.handshake.HandshakeMessage;
import navemu.tls.core.handshake.HandshakeType;
import navemu.tls.core.handshake.TranscriptHash;

/**
 * The server's authentication in a full TLS 1.3 handshake (RFC 8446 §4.4): an optional
 * CertificateRequest (§4.3.2), its Certificate (§4.4.2), judged by the active cert slot, and its
 * CertificateVerify (§4.4.3), the signature over the transcript that proves it holds the
 * certificate's key. Each message goes into the handshake's transcript once accepted.
 */
final class Tls13ServerAuthentication {
    /**
     * What the server's authentication established: the chain as sent, its stapled OCSP response
     * (or null), the cert slot's verdict, and the context of a CertificateRequest (null when the
     * server asked for no client certificate).
     */
    record Result(List<byte[]> chain, byte[] stapledOcsp, CertVerdict verdict, byte[] certificateRequestContext) {
    }

    private final HandshakeIo io;
    private final TranscriptHash transcript;
    private final ClientHello hello;
    private final Tls13ClientConfig config;
    private final TlsContext context;
    private final String host;
    private final Instant now;
    private final Tls13Narration narration;
    private final MessageLog log;
    private byte[] certificateRequestContext;

    Tls13ServerAuthentication(HandshakeIo io, TranscriptHash transcript, ClientHello hello, Tls13ClientConfig config,
                              TlsContext context, String host, Instant now, Tls13Narration narration, MessageLog log) {
        this.io = io;
        this.transcript = transcript;
        this.hello = hello;
        this.config = config;
        this.context = context;
        this.host = host;
        this.now = now;
        this.narration = narration;
        this.log = log;
    }

    /** [CertificateRequest], Certificate, CertificateVerify. */
    Result read() throws IOException {
        HandshakeMessage message = io.receive("Certificate");
        if (message.typeCode() == HandshakeType.CERTIFICATE_REQUEST.code()) {
            readCertificateRequest(message);
            message = io.receive("Certificate");
        }
        CertificateMessage certificate = readCertificate(message);
        List<byte[]> chain = certificate.chain();
        byte[] ocsp = stapledOcsp(certificate);
        LeafCertificate leaf = LeafCertificate.parse(chain.get(0));
        narration.certificateReceived(message, chain, leaf, ocsp);
        transcript.add(message);

        CertVerdict verdict = CertificateSlot.judge(context, new ValidationRequest(chain, host, now, "ECDHE", ocsp), log.trace());
        narration.certificateJudged(verdict);
        readCertificateVerify(leaf);
        return new Result(chain, ocsp, verdict, certificateRequestContext);
    }

    // ---- CertificateRequest (§4.3.2) ---------------------------------------------------------

    /** A server asking for client authentication: we have no certificate, so we will answer with an empty one. */
    private void readCertificateRequest(HandshakeMessage message) throws IOException {
        CertificateRequest cr = CertificateRequest.decode(message.body());
        if (cr.certificateRequestContext().length != 0) {
            // Non-empty only for post-handshake authentication (§4.3.2); BoringSSL: decode_error.
            throw new TlsAlertException(AlertDescription.DECODE_ERROR, "CertificateRequest in the handshake has a "
                    + cr.certificateRequestContext().length + "-byte certificate_request_context; it must be empty (RFC 8446 §4.3.2)");
        }
        certificateRequestContext = cr.certificateRequestContext();
        narration.certificateRequestReceived(message, cr);
        transcript.add(message);
    }

    // ---- Certificate (§4.4.2) → the cert slot ------------------------------------------------

    /**
     * Certificate, or (RFC 8879 §4) CompressedCertificate when we offered compress_certificate:
     * the Certificate body inside is read as if it had come plain; the transcript still takes the
     * message as it arrived (the caller adds {@code message}).
     */
    private CertificateMessage readCertificate(HandshakeMessage message) throws TlsAlertException {
        byte[] body;
        Extension offer = hello.extension(ExtensionType.COMPRESS_CERTIFICATE);
        if (message.typeCode() == HandshakeType.CERTIFICATE.code()) {
            body = message.body();
        } else if (message.typeCode() == HandshakeType.COMPRESSED_CERTIFICATE.code() && offer != null) {
            CompressedCertificate compressed = CompressedCertificate.decode(message.body());
            body = compressed.decompress(CertificateCompressionAlgorithm.decodeOffer(offer.data()));
            narration.certificateDecompressed(compressed, message.length());
        } else {
            throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
                    "expected Certificate, the server sent " + message.name() + " (RFC 8446 §4.4.2)");
        }
        CertificateMessage certificate = CertificateMessage.decode(body);
        if (certificate.certificateRequestContext().length != 0) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
                    "a server's Certificate must have an empty certificate_request_context (RFC 8446 §4.4.2)");
        }
        if (certificate.entries().isEmpty()) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "the server sent an empty Certificate message (RFC 8446 §4.4.2.4)");
        }
        return certificate;
    }

    /** Each entry may carry only what we asked for (§4.4.2.1); the leaf's status_request is its stapled OCSP response. */
    private byte[] stapledOcsp(CertificateMessage certificate) throws TlsAlertException {
        byte[] ocsp = null;
        for (int i = 0; i < certificate.entries().size(); i++) {
            CertificateEntry entry = certificate.entries().get(i);
            Tls13ServerHelloRules.checkExtensions(hello, "CertificateEntry", entry.extensions(),
                    Set.of(ExtensionType.STATUS_REQUEST, ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP), Set.of());
            Extension status = entry.extension(ExtensionType.STATUS_REQUEST);
            if (status != null && i == 0) {
                ocsp = Extensions.decodeCertificateStatus(status.data());
            }
        }
        return ocsp;
    }

    // ---- CertificateVerify (§4.4.3) ----------------------------------------------------------

    private void readCertificateVerify(LeafCertificate leaf) throws IOException {
        HandshakeMessage message = io.expect(HandshakeType.CERTIFICATE_VERIFY);
        CertificateVerify cv = CertificateVerify.decode(message.body());
        SignatureScheme scheme = SignatureScheme.of(cv.algorithm());
        narration.certificateVerifyReceived(message, cv.algorithm(), cv.signature().length);
        if (scheme == null || !config.signatureAlgorithms().contains(scheme) || !scheme.allowedInTls13CertificateVerify()) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "CertificateVerify uses "
                    + SignatureScheme.nameOf(cv.algorithm()) + ", which is not an algorithm we offered for TLS 1.3 signatures (RFC 8446 §4.4.3)");
        }
        byte[] signed = CertificateVerify.signedContent(true, transcript.current());
        if (!scheme.verify(leaf.publicKey(), signed, cv.signature())) {
            throw new TlsAlertException(AlertDescription.DECRYPT_ERROR,
                    "the CertificateVerify signature (" + scheme.rfcName() + ") does not verify with the key of " + leaf.subject() + " (RFC 8446 §4.4.3)");
        }
        narration.certificateVerifyVerified(scheme);
        transcript.add(message);
    }
}
