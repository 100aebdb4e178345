package navemu.tls.core.handshake;

import java.nio.charset.StandardCharsets;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/** CertificateVerify (RFC 8446 §4.4.3): {@code SignatureScheme algorithm; opaque signature<0..2^16-1>;}. */
public record CertificateVerify(int algorithm, byte[] signature) {

    public static final String SERVER_CONTEXT = "TLS 1.3, server CertificateVerify";
    public static final String CLIENT_CONTEXT = "TLS 1.3, client CertificateVerify";

    public byte[] encode() {
        return new WireWriter().u16(algorithm).opaque16(signature).toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.CERTIFICATE_VERIFY, encode());
    }

    public static CertificateVerify decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "CertificateVerify");
        CertificateVerify cv = new CertificateVerify(r.u16(), r.opaque16());
        r.expectEnd();
        return cv;
    }

    /**
     * What is signed (§4.4.3): 64 spaces, the context string, a zero byte, then
     * Transcript-Hash(Handshake Context, Certificate).
     */
    public static byte[] signedContent(boolean server, byte[] transcriptHash) {
        byte[] context = (server ? SERVER_CONTEXT : CLIENT_CONTEXT).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[64 + context.length + 1 + transcriptHash.length];
        java.util.Arrays.fill(out, 0, 64, (byte) 0x20);
        System.arraycopy(context, 0, out, 64, context.length);
        System.arraycopy(transcriptHash, 0, out, 64 + context.length + 1, transcriptHash.length);
        return out;
    }
}
