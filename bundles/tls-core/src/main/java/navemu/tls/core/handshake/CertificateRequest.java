package navemu.tls.core.handshake;

import java.util.List;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * CertificateRequest (RFC 8446 §4.3.2):
 * {@code opaque certificate_request_context<0..2^8-1>; Extension extensions<2..2^16-1>;}.
 * The signature_algorithms extension MUST be present; unknown extensions are ignored.
 */
public record CertificateRequest(byte[] certificateRequestContext, List<Extension> extensions,
                                 List<Integer> signatureAlgorithms) {

    public CertificateRequest {
        extensions = List.copyOf(extensions);
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
    }

    /**
     * Decodes and checks the body. A missing or empty signature_algorithms is a decode_error, as
     * BoringSSL (Chromium) sends ({@code tls13_client.cc}, do_read_certificate_request); RFC 8446
     * §6.2 would also allow missing_extension.
     */
    public static CertificateRequest decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "CertificateRequest");
        byte[] context = r.opaque8();
        List<Extension> extensions = Extension.decodeList(r);
        r.expectEnd();
        Extension sigalgs = Extension.find(extensions, ExtensionType.SIGNATURE_ALGORITHMS);
        if (sigalgs == null) {
            throw new TlsAlertException(AlertDescription.DECODE_ERROR,
                    "CertificateRequest has no signature_algorithms extension, which MUST be present (RFC 8446 §4.3.2)");
        }
        // An empty or odd-length list is a decode_error too (§4.2.3: <2..2^16-2>).
        List<Integer> schemes = Extensions.decodeSignatureAlgorithms(sigalgs.data());
        return new CertificateRequest(context, extensions, schemes);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.opaque8(certificateRequestContext);
        Extension.encodeList(w, extensions);
        return w.toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.CERTIFICATE_REQUEST, encode());
    }
}
