package navemu.tls.core.handshake;

import java.util.List;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/** EncryptedExtensions (RFC 8446 §4.3.1): {@code Extension extensions<0..2^16-1>}. */
public record EncryptedExtensions(List<Extension> extensions) {

    public EncryptedExtensions {
        extensions = List.copyOf(extensions);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter();
        Extension.encodeList(w, extensions);
        return w.toByteArray();
    }

    public HandshakeMessage toMessage() {
        return HandshakeMessage.of(HandshakeType.ENCRYPTED_EXTENSIONS, encode());
    }

    public static EncryptedExtensions decode(byte[] body) throws TlsAlertException {
        WireReader r = new WireReader(body, "EncryptedExtensions");
        List<Extension> list = Extension.decodeList(r);
        r.expectEnd();
        return new EncryptedExtensions(list);
    }

    public Extension extension(int type) {
        return Extension.find(extensions, type);
    }
}
