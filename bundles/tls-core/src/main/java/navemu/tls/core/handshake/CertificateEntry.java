package navemu.tls.core.handshake;

import java.util.List;

/**
 * {@code struct { opaque cert_data<1..2^24-1>; Extension extensions<0..2^16-1>; } CertificateEntry;}
 * (RFC 8446 §4.4.2), X.509 form. In TLS 1.2 the extensions are always empty.
 */
public record CertificateEntry(byte[] certData, List<Extension> extensions) {

    public CertificateEntry {
        extensions = List.copyOf(extensions);
    }

    public Extension extension(int type) {
        return Extension.find(extensions, type);
    }
}
