package navemu.tls.core.handshake;

import navemu.tls.core.alert.TlsAlertException;
import navemu.tls.core.wire.WireReader;
import navemu.tls.core.wire.WireWriter;

/** {@code struct { NamedGroup group; opaque key_exchange<1..2^16-1>; } KeyShareEntry;} (RFC 8446 §4.2.8). */
public record KeyShareEntry(int group, byte[] keyExchange) {

    public void encode(WireWriter w) {
        w.u16(group).opaque16(keyExchange);
    }

    public static KeyShareEntry decode(WireReader r) throws TlsAlertException {
        return new KeyShareEntry(r.u16(), r.opaque16());
    }
}
