package navemu.tls.core.handshake;

import java.util.ArrayList;
import java.util.List;

import navemu.tls.core.alert.AlertDescription;
import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/**
 * The Certificate message (RFC 8446 §4.4.2):
 * {@code opaque certificate_request_context<0..2^8-1>; CertificateEntry certificate_list<0..2^24-1>;}.
 * TLS 1.2's form (RFC 5246 §7.4.2) has no context and no per-entry extensions: see
 * {@link #decodeTls12}.
 */
public record CertificateMessage(byte[] certificateRequestContext, List<CertificateEntry> entries) {

    public CertificateMessage {
        entries = List.copyOf(entries);
    }

    /** The DER certificates, leaf first, as the server sent them. */
    public List<byte[]> chain() {
        List<byte[]> out = new ArrayList<>();
        for (CertificateEntry e : entries) {
            out.add(e.certData());
        }
        return out;
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        w.opaque8(certificateRequestContext);
        w.vector24(list -> {
            for (CertificateEntry e : entries) {
                list.opaque24(e.certData());
                Extension.encodeList(list, e.extensions());
            }
        });
        return w.toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.CERTIFICATE, encode());
    }

    public static CertificateMessage decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "Certificate");
        byte[] context = r.opaque8();
        WireReader list = r.vector24("certificate_list");
        r.expectEnd();
        List<CertificateEntry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] der = list.opaque24();
            if (der.length == 0) {
                throw new TlsAlertException(AlertDescription.DECODE_ERROR, "empty cert_data (RFC 8446 §4.4.2: <1..2^24-1>)");
            }
            entries.add(new CertificateEntry(der, Extension.decodeList(list)));
        }
        return new CertificateMessage(context, entries);
    }

    /** TLS 1.2 form (RFC 5246 §7.4.2): the DER certificates only. */
    public byte[] encodeTls12() {
        return new WireWriter().vector24(list -> entries.forEach(e -> list.opaque24(e.certData()))).toByteArray();
    }

    /** TLS 1.2: {@code ASN.1Cert certificate_list<0..2^24-1>} (RFC 5246 §7.4.2). */
    public static CertificateMessage decodeTls12(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "Certificate");
        WireReader list = r.vector24("certificate_list");
        r.expectEnd();
        List<CertificateEntry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            entries.add(new CertificateEntry(list.opaque24(), List.of()));
        }
        return new CertificateMessage(new byte[0], entries);
    }
}
