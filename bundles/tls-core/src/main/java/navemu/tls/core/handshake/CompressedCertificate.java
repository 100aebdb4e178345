package navemu.tls.core.handshake;

import java.util.Collection;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * The CompressedCertificate message (RFC 8879 §4, handshake type 25), which a server sends
 * instead of Certificate when the client offered compress_certificate:
 * <pre>
 * struct {
 *     CertificateCompressionAlgorithm algorithm;
 *     uint24 uncompressed_length;
 *     opaque compressed_certificate_message&lt;1..2^24-1&gt;;
 * } CompressedCertificate;
 * </pre>
 * The compressed bytes are the body of the Certificate message that would have been sent. The
 * transcript hash takes this message as it came, not the decompressed one.
 *
 * <p>What may be refused, with the alerts BoringSSL (so Chrome) sends:
 * <ul>
 * <li>an algorithm the client did not offer: illegal_parameter (RFC 8879 §4: it MUST be one
 *     the client listed);</li>
 * <li>a declared length above {@link HandshakeAssembler#MAX_MESSAGE}, the most this client
 *     takes for an uncompressed Certificate: bad_certificate, before anything is decompressed, so
 *     compression cannot smuggle in a chain the plain message could not be;</li>
 * <li>output that is not exactly the declared length, or a stream that does not decode:
 *     bad_certificate (§4).</li>
 * </ul>
 */
public record CompressedCertificate(int algorithm, int uncompressedLength, byte[] compressedCertificateMessage) {

    /** The handshake type of this message (RFC 8879 §7.2). */
    public static final int HANDSHAKE_TYPE = 25;

    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.u16(algorithm).u24(uncompressedLength).opaque24(compressedCertificateMessage);
        return w.toByteArray();
    }

    public HandshakeMessage toMessage() {
        return new HandshakeMessage(HANDSHAKE_TYPE, encode());
    }

    public static CompressedCertificate decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "CompressedCertificate");
        int algorithm = r.u16();
        int length = r.u24();
        byte[] compressed = r.opaque24();
        r.expectEnd();
        if (compressed.length == 0) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "empty compressed_certificate_message (RFC 8879 §4: <1..2^24-1>)");
        }
        return new CompressedCertificate(algorithm, length, compressed);
    }

    /**
     * The Certificate message body inside, checked as described above. {@code offered} are the
     * algorithm codes our compress_certificate extension listed.
     */
    public byte[] decompress(Collection<Integer> offered) throws TlsAlertException {
        if (!offered.contains(algorithm)) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "the server compressed its certificate with "
                    + CertificateCompressionAlgorithm.nameOf(algorithm) + ", which we did not offer (RFC 8879 §4)");
        }
        if (uncompressedLength > HandshakeAssembler.MAX_MESSAGE) {
            throw new TlsAlertException(AlertDescription.BAD_CERTIFICATE, "the compressed certificate claims "
                    + uncompressedLength + " bytes uncompressed, more than this client accepts ("
                    + HandshakeAssembler.MAX_MESSAGE + ")");
        }
        if (algorithm != CertificateCompressionAlgorithm.BROTLI.code()) {
            // Offered but not implemented here: a configuration error on our side, not the server's.
            throw new TlsAlertException(AlertDescription.INTERNAL_ERROR,
                    "no decompressor for " + CertificateCompressionAlgorithm.nameOf(algorithm));
        }
        return BrotliDecompression.decompress(compressedCertificateMessage, uncompressedLength);
    }

    /** The Certificate message inside (TLS 1.3 form, RFC 8446 §4.4.2). */
    public CertificateMessage certificate(Collection<Integer> offered) throws TlsAlertException {
        return CertificateMessage.decode(decompress(offered));
    }
}
